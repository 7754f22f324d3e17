package org.clw.ledger.command.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.clw.ledger.command.domain.InvalidCommand;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.events.directory.OrganisationChanged;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.OrganisationKind;
import org.clw.ledger.events.directory.OrganisationProfile;
import org.clw.ledger.events.directory.OrganisationRegistered;
import org.clw.ledger.events.directory.ServiceAdded;
import org.clw.ledger.events.directory.ServiceChanged;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.directory.ServiceReopened;
import org.clw.ledger.events.directory.ServiceWithdrawn;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DirectoryTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Instant EARLIER = Instant.parse("2026-01-01T00:00:00Z");
    static final OrganisationId ORGANISATION = new OrganisationId("org-eastfield");
    static final ServiceId SERVICE = new ServiceId("svc-debt-clinic");
    static final OrganisationProfile PROFILE = new OrganisationProfile("Eastfield Money Advice (fictional)",
            OrganisationKind.ADVICE_SERVICE, "https://eastfield.example.org", "0141 496 0000", "advice@example.org");
    static final ServiceOffer OFFER = new ServiceOffer("Debt clinic", "Weekly drop-in for money worries",
            Set.of(Need.DEBT, Need.FINANCES_BENEFITS), Set.of(Hscp.GLASGOW_CITY), false,
            Set.of(OnwardReferralKind.SIGNPOST, OnwardReferralKind.REFERRAL));
    static final ServiceOffer PROGRAMME_WIDE = new ServiceOffer("Debt helpline", "By phone",
            Set.of(Need.DEBT), Set.of(), true, Set.of(OnwardReferralKind.SIGNPOST));

    @Nested
    class Organisations {

        AggregateTestFixture<Organisation> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(Organisation.class);
            fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        }

        @Test
        void an_organisation_is_registered() {
            fixture.givenNoPriorActivity().when(new RegisterOrganisation(ORGANISATION, PROFILE))
                    .expectEvents(new OrganisationRegistered(ORGANISATION, PROFILE, NOW))
                    .expectResultMessagePayload(0L);
        }

        @Test
        void registering_the_same_organisation_again_changes_nothing() {
            fixture.given(new OrganisationRegistered(ORGANISATION, PROFILE, EARLIER))
                    .when(new RegisterOrganisation(ORGANISATION, PROFILE))
                    .expectNoEvents().expectResultMessagePayload(0L);
        }

        @Test
        void registering_a_different_organisation_under_the_same_id_is_a_conflict() {
            fixture.given(new OrganisationRegistered(ORGANISATION, PROFILE, EARLIER))
                    .when(new RegisterOrganisation(ORGANISATION, new OrganisationProfile("Other", OrganisationKind.OTHER,
                            null, null, null)))
                    .expectException(RuleViolation.class);
        }

        @Test
        void an_organisation_without_a_name_is_refused_naming_the_field() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORGANISATION, new OrganisationProfile(" ", OrganisationKind.CHARITY,
                            null, null, null)))
                    .expectException(InvalidCommand.class).expectNoEvents();
        }

        @Test
        void contact_channels_that_are_no_website_phone_or_email_are_refused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORGANISATION, new OrganisationProfile("Eastfield",
                            OrganisationKind.CHARITY, "javascript:alert(1)", null, null)))
                    .expectException(InvalidCommand.class);
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ORGANISATION, new OrganisationProfile("Eastfield",
                            OrganisationKind.CHARITY, null, null, "not an address")))
                    .expectException(InvalidCommand.class);
        }

        @Test
        void an_organisation_is_changed() {
            OrganisationProfile renamed = new OrganisationProfile("Eastfield Advice (fictional)",
                    OrganisationKind.ADVICE_SERVICE, null, "0141 496 0001", null);
            fixture.given(new OrganisationRegistered(ORGANISATION, PROFILE, EARLIER))
                    .when(new ChangeOrganisation(ORGANISATION, renamed))
                    .expectEvents(new OrganisationChanged(ORGANISATION, renamed, NOW))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void changing_an_organisation_to_what_it_already_says_records_nothing() {
            fixture.given(new OrganisationRegistered(ORGANISATION, PROFILE, EARLIER))
                    .when(new ChangeOrganisation(ORGANISATION, PROFILE))
                    .expectNoEvents().expectResultMessagePayload(0L);
        }
    }

    @Nested
    class Services {

        AggregateTestFixture<Service> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(Service.class);
            fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        }

        @Test
        void a_service_is_added() {
            fixture.givenNoPriorActivity().when(new AddService(SERVICE, ORGANISATION, OFFER))
                    .expectEvents(new ServiceAdded(SERVICE, ORGANISATION, OFFER, NOW))
                    .expectResultMessagePayload(0L);
        }

        @Test
        void a_programme_wide_service_is_added() {
            fixture.givenNoPriorActivity().when(new AddService(SERVICE, ORGANISATION, PROGRAMME_WIDE))
                    .expectEvents(new ServiceAdded(SERVICE, ORGANISATION, PROGRAMME_WIDE, NOW));
        }

        @Test
        void adding_the_same_service_again_changes_nothing() {
            fixture.given(new ServiceAdded(SERVICE, ORGANISATION, OFFER, EARLIER))
                    .when(new AddService(SERVICE, ORGANISATION, OFFER))
                    .expectNoEvents().expectResultMessagePayload(0L);
        }

        @Test
        void adding_a_different_service_under_the_same_id_is_a_conflict() {
            fixture.given(new ServiceAdded(SERVICE, ORGANISATION, OFFER, EARLIER))
                    .when(new AddService(SERVICE, ORGANISATION, PROGRAMME_WIDE))
                    .expectException(RuleViolation.class);
        }

        @Test
        void a_service_serves_named_areas_or_the_whole_programme_but_not_both_nor_neither() {
            fixture.givenNoPriorActivity().when(new AddService(SERVICE, ORGANISATION, new ServiceOffer("Both", null,
                            Set.of(Need.DEBT), Set.of(Hscp.GLASGOW_CITY), true, Set.of(OnwardReferralKind.SIGNPOST))))
                    .expectException(InvalidCommand.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new AddService(SERVICE, ORGANISATION, new ServiceOffer("Neither",
                            null, Set.of(Need.DEBT), Set.of(), false, Set.of(OnwardReferralKind.SIGNPOST))))
                    .expectException(InvalidCommand.class).expectNoEvents();
        }

        @Test
        void a_service_serves_at_least_one_need_and_links_people_somehow() {
            fixture.givenNoPriorActivity().when(new AddService(SERVICE, ORGANISATION, new ServiceOffer("No need",
                            null, Set.of(), Set.of(), true, Set.of(OnwardReferralKind.SIGNPOST))))
                    .expectException(InvalidCommand.class);
            fixture.givenNoPriorActivity().when(new AddService(SERVICE, ORGANISATION, new ServiceOffer("No mode",
                            null, Set.of(Need.DEBT), Set.of(), true, Set.of())))
                    .expectException(InvalidCommand.class);
        }

        @Test
        void a_service_is_changed_and_its_history_kept() {
            fixture.given(new ServiceAdded(SERVICE, ORGANISATION, OFFER, EARLIER))
                    .when(new ChangeService(SERVICE, PROGRAMME_WIDE))
                    .expectEvents(new ServiceChanged(SERVICE, ORGANISATION, PROGRAMME_WIDE, NOW))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void changing_a_service_to_what_it_already_offers_records_nothing() {
            fixture.given(new ServiceAdded(SERVICE, ORGANISATION, OFFER, EARLIER),
                            new ServiceChanged(SERVICE, ORGANISATION, PROGRAMME_WIDE, EARLIER))
                    .when(new ChangeService(SERVICE, PROGRAMME_WIDE))
                    .expectNoEvents().expectResultMessagePayload(1L);
        }

        @Test
        void a_service_is_withdrawn_and_reopened() {
            fixture.given(new ServiceAdded(SERVICE, ORGANISATION, OFFER, EARLIER))
                    .when(new WithdrawService(SERVICE))
                    .expectEvents(new ServiceWithdrawn(SERVICE, ORGANISATION, NOW));
            fixture.given(new ServiceAdded(SERVICE, ORGANISATION, OFFER, EARLIER),
                            new ServiceWithdrawn(SERVICE, ORGANISATION, EARLIER))
                    .when(new ReopenService(SERVICE))
                    .expectEvents(new ServiceReopened(SERVICE, ORGANISATION, NOW));
        }

        @Test
        void a_withdrawn_service_cannot_be_withdrawn_again_nor_an_open_one_reopened() {
            fixture.given(new ServiceAdded(SERVICE, ORGANISATION, OFFER, EARLIER),
                            new ServiceWithdrawn(SERVICE, ORGANISATION, EARLIER))
                    .when(new WithdrawService(SERVICE))
                    .expectException(RuleViolation.class);
            fixture.given(new ServiceAdded(SERVICE, ORGANISATION, OFFER, EARLIER))
                    .when(new ReopenService(SERVICE))
                    .expectException(RuleViolation.class);
        }
    }
}
