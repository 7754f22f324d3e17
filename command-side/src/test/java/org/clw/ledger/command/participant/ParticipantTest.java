package org.clw.ledger.command.participant;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.events.participant.AgeBand;
import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.Gender;
import org.clw.ledger.events.participant.ParticipantDetailsChanged;
import org.clw.ledger.events.participant.ParticipantErased;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.ParticipantRegistered;
import org.clw.ledger.events.participant.SealedDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParticipantTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final ParticipantId PERSON = new ParticipantId("P000001");
    static final SealedDetails DETAILS = new SealedDetails("c2VhbGVkLW9uY2U=", "Zm9yLW1vcmFn");
    static final Demographics DEMOGRAPHICS = new Demographics(Gender.FEMALE, AgeBand.AGE_25_34, 1);
    static final ParticipantRegistered REGISTERED = new ParticipantRegistered(PERSON, DETAILS, DEMOGRAPHICS,
            Instant.parse("2026-01-01T00:00:00Z"));

    AggregateTestFixture<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void a_person_is_registered_with_details_and_demographics() {
        fixture.givenNoPriorActivity().when(new RegisterParticipant(PERSON, DETAILS, DEMOGRAPHICS))
                .expectEvents(new ParticipantRegistered(PERSON, DETAILS, DEMOGRAPHICS, NOW));
    }

    @Test
    void registering_the_same_person_again_changes_nothing_though_the_details_were_sealed_anew() {
        SealedDetails resealed = new SealedDetails("c2VhbGVkLXR3aWNl", DETAILS.fingerprint());
        fixture.given(REGISTERED).when(new RegisterParticipant(PERSON, resealed, DEMOGRAPHICS)).expectNoEvents();
    }

    @Test
    void registering_someone_else_under_the_same_id_is_a_conflict() {
        SealedDetails someoneElse = new SealedDetails("c29tZW9uZS1lbHNl", "c29tZW9uZS1lbHNl");
        fixture.given(REGISTERED).when(new RegisterParticipant(PERSON, someoneElse, DEMOGRAPHICS))
                .expectException(RuleViolation.class);
    }

    @Test
    void details_are_changed() {
        SealedDetails moved = new SealedDetails("bW92ZWQ=", "bW92ZWQtZmluZ2VycHJpbnQ=");
        fixture.given(REGISTERED).when(new ChangeParticipantDetails(PERSON, moved, DEMOGRAPHICS))
                .expectEvents(new ParticipantDetailsChanged(PERSON, moved, DEMOGRAPHICS, NOW));
    }

    @Test
    void unchanged_details_record_nothing_though_sealed_anew() {
        SealedDetails resealed = new SealedDetails("c2VhbGVkLXR3aWNl", DETAILS.fingerprint());
        fixture.given(REGISTERED).when(new ChangeParticipantDetails(PERSON, resealed, DEMOGRAPHICS))
                .expectNoEvents();
    }

    @Test
    void a_person_is_erased_and_their_details_can_no_longer_change() {
        fixture.given(REGISTERED).when(new EraseParticipant(PERSON))
                .expectEvents(new ParticipantErased(PERSON, NOW));
        fixture.given(REGISTERED, new ParticipantErased(PERSON, NOW))
                .when(new ChangeParticipantDetails(PERSON, DETAILS, DEMOGRAPHICS))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Participant P000001 has been erased");
    }

    @Test
    void erasing_an_erased_person_again_changes_nothing() {
        fixture.given(REGISTERED, new ParticipantErased(PERSON, NOW)).when(new EraseParticipant(PERSON))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
