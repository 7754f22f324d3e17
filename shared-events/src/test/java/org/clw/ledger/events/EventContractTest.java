package org.clw.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.appointment.*;
import org.clw.ledger.events.linksworker.*;
import org.clw.ledger.events.participant.*;
import org.clw.ledger.events.referral.*;
import org.clw.ledger.events.setting.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");
    private static final ReferralId REFERRAL = new ReferralId("ref-1");
    private static final AppointmentId APPOINTMENT = new AppointmentId("appt-1");
    private static final SettingId SETTING = new SettingId("gp-46110");
    private static final LinksWorkerId WORKER = new LinksWorkerId("lw-7");

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Every kind of event has a sample, so that whatever is checked over the samples is checked for all. */
    @Test
    void every_member_of_every_sealed_family_has_a_sample() {
        Set<Class<?>> sampled = EventSamples.everyEvent().stream().<Class<?>>map(Object::getClass)
                .collect(Collectors.toSet());
        assertThat(sampled).isEqualTo(Set.copyOf(EventSamples.kindsOf(LedgerEvent.class)));
    }

    @ParameterizedTest
    @MethodSource("org.clw.ledger.events.EventSamples#everyEvent")
    void every_event_is_a_revisioned_record(LedgerEvent event) {
        assertThat(event.getClass().isRecord()).isTrue();
        // Participant events went to revision 2 when their details became sealed; onward-referral outcomes when
        // they could be corrections; closures and onward referrals when their free text became sealed; onward
        // referrals to revision 3 when they could name a directory service.
        String revision = event instanceof OnwardReferralMade ? "3"
                : event instanceof ParticipantRegistered || event instanceof ParticipantDetailsChanged
                || event instanceof OnwardReferralOutcomeRecorded || event instanceof CaseClosed ? "2" : "1";
        assertThat(event.getClass().getAnnotation(Revision.class)).isNotNull()
                .extracting(Revision::value).isEqualTo(revision);
    }

    @ParameterizedTest
    @MethodSource("org.clw.ledger.events.EventSamples#everyEvent")
    void every_event_survives_a_json_round_trip(LedgerEvent event) throws Exception {
        String serialised = json.writeValueAsString(event);
        assertThat(json.readValue(serialised, event.getClass())).isEqualTo(event);
        assertThat(json.writeValueAsString(json.readValue(serialised, event.getClass()))).isEqualTo(serialised);
    }

    @Test
    void typed_ids_are_plain_strings_in_json() throws Exception {
        JsonNode node = json.valueToTree(new LinksWorkerAllocated(REFERRAL, WORKER, null, true, AT));
        assertThat(node.get("referralId").asText()).isEqualTo("ref-1");
        assertThat(node.get("workerId").asText()).isEqualTo("lw-7");
    }

    @Test
    void sets_serialise_in_a_fixed_order_whatever_order_they_came_in() throws Exception {
        var one = new LinksWorkerRegistered(WORKER, "A", Set.of(new SettingId("b"), new SettingId("a")), 1, AT);
        var two = new LinksWorkerRegistered(WORKER, "A", Set.of(new SettingId("a"), new SettingId("b")), 1, AT);
        assertThat(json.writeValueAsString(one)).isEqualTo(json.writeValueAsString(two)).contains("[\"a\",\"b\"]");
    }

    @Test
    void personal_details_never_print() {
        String printed = new PersonalDetails("Morag", "Fakename", new ChiNumber("0101011237"),
                LocalDate.of(2001, 1, 1), "G1 1AA", "07700900000", "Lives with her sister").toString();
        assertThat(printed).doesNotContain("Morag", "Fakename", "0101011237", "G1 1AA", "07700900000", "2001-01-01", "sister");
    }

    @Test
    void an_outcome_score_is_the_sum_of_its_answers() {
        var measure = new OutcomeMeasureRecorded(REFERRAL, OutcomeInstrument.SWEMWBS, OutcomeTimepoint.BASELINE,
                List.of(3, 3, 2, 4, 3, 2, 3), CompletionMode.SELF, AT);
        assertThat(measure.score()).isEqualTo(20);
        assertThat(OutcomeInstrument.WEMWBS.problemWith(List.of(1, 2))).isPresent();
        assertThat(OutcomeInstrument.ONS4.problemWith(List.of(0, 10, 5, 11))).isPresent();
        assertThat(OutcomeInstrument.ONS4.problemWith(List.of(0, 10, 5, 7))).isEmpty();
    }
}
