package org.clw.ledger.command.directory;

import static org.hamcrest.Matchers.containsString;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.clw.ledger.command.domain.InvalidCommand;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.events.directory.EntryProposed;
import org.clw.ledger.events.directory.ProposalAccepted;
import org.clw.ledger.events.directory.ProposalDeclineReason;
import org.clw.ledger.events.directory.ProposalDeclined;
import org.clw.ledger.events.directory.ProposalId;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProposalTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Instant EARLIER = Instant.parse("2026-03-01T09:00:00Z");
    static final ProposalId PROPOSAL = new ProposalId("prop-repair-cafe");
    static final ServiceId ADDED = new ServiceId("svc-repair-cafe");
    static final String ORGANISATION = "Riverside Repair Cafe (fictional)";
    static final ServiceOffer OFFER = new ServiceOffer("Repair cafe", "Fix household items together",
            Set.of(Need.LONELINESS_ISOLATION), Set.of(Hscp.GLASGOW_CITY), false, Set.of(OnwardReferralKind.SIGNPOST));
    static final EntryProposed PROPOSED = new EntryProposed(PROPOSAL, ORGANISATION, OFFER, EARLIER);

    AggregateTestFixture<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void a_service_not_in_the_directory_is_proposed() {
        fixture.givenNoPriorActivity()
                .when(new ProposeEntry(PROPOSAL, ORGANISATION, OFFER))
                .expectEvents(new EntryProposed(PROPOSAL, ORGANISATION, OFFER, NOW))
                .expectResultMessagePayload(0L);
    }

    @Test
    void the_same_proposal_again_changes_nothing() {
        fixture.given(PROPOSED).when(new ProposeEntry(PROPOSAL, ORGANISATION, OFFER))
                .expectNoEvents().expectResultMessagePayload(0L);
    }

    @Test
    void a_different_proposal_under_the_same_id_is_a_conflict() {
        fixture.given(PROPOSED).when(new ProposeEntry(PROPOSAL, "Another (fictional)", OFFER))
                .expectException(RuleViolation.class);
    }

    @Test
    void a_proposal_without_an_organisation_name_is_refused_naming_the_field() {
        fixture.givenNoPriorActivity()
                .when(new ProposeEntry(PROPOSAL, " ", OFFER))
                .expectException(InvalidCommand.class).expectNoEvents();
    }

    @Test
    void a_proposal_naming_both_areas_and_the_whole_programme_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ProposeEntry(PROPOSAL, ORGANISATION, new ServiceOffer("Repair cafe", null,
                        Set.of(Need.OTHER), Set.of(Hscp.GLASGOW_CITY), true, Set.of(OnwardReferralKind.SIGNPOST))))
                .expectException(InvalidCommand.class).expectNoEvents();
    }

    @Test
    void an_open_proposal_is_accepted_naming_the_service_added_for_it() {
        fixture.given(PROPOSED).when(new AcceptProposal(PROPOSAL, ADDED))
                .expectEvents(new ProposalAccepted(PROPOSAL, ADDED, NOW)).expectResultMessagePayload(1L);
    }

    @Test
    void accepting_it_again_for_the_same_service_changes_nothing() {
        fixture.given(PROPOSED, new ProposalAccepted(PROPOSAL, ADDED, EARLIER))
                .when(new AcceptProposal(PROPOSAL, ADDED))
                .expectNoEvents().expectResultMessagePayload(1L);
    }

    @Test
    void an_open_proposal_is_declined_for_a_coded_reason() {
        fixture.given(PROPOSED).when(new DeclineProposal(PROPOSAL, ProposalDeclineReason.ALREADY_IN_DIRECTORY))
                .expectEvents(new ProposalDeclined(PROPOSAL, ProposalDeclineReason.ALREADY_IN_DIRECTORY, NOW));
    }

    @Test
    void an_accepted_proposal_is_not_declined() {
        fixture.given(PROPOSED, new ProposalAccepted(PROPOSAL, ADDED, EARLIER))
                .when(new DeclineProposal(PROPOSAL, ProposalDeclineReason.OTHER))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("already accepted"));
    }

    @Test
    void a_declined_proposal_is_not_accepted() {
        fixture.given(PROPOSED, new ProposalDeclined(PROPOSAL, ProposalDeclineReason.OTHER, EARLIER))
                .when(new AcceptProposal(PROPOSAL, ADDED))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("already declined"));
    }
}
