package org.clw.ledger.events.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.clw.ledger.events.EventHash;
import org.junit.jupiter.api.Test;

class OnwardReferralOutcomeRecordedUpcasterTest {

    /** An outcome as revision 1 stored it. */
    static final String REVISION_1_JSON = """
            {"referralId":"ref-1","onwardReferralId":"onw-1","outcome":"TAKEN_UP","occurredAt":"2026-03-02T09:30:00Z"}""";
    static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");

    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();

    @Test
    void a_revision_1_outcome_reads_as_a_revision_2_outcome_that_was_no_correction() {
        OnwardReferralOutcomeRecorded read = upcastAndRead(REVISION_1_JSON, "1");

        assertThat(read).isEqualTo(new OnwardReferralOutcomeRecorded(new ReferralId("ref-1"),
                new OnwardReferralId("onw-1"), OnwardReferralOutcome.TAKEN_UP, null, AT));
    }

    @Test
    void a_revision_1_outcome_hashes_as_it_did_when_it_was_stored() throws Exception {
        OnwardReferralOutcomeRecorded read = upcastAndRead(REVISION_1_JSON, "1");
        // Revision 1's canonical JSON: its fields sorted, nothing else.
        String revision1Canonical = """
                {"occurredAt":"2026-03-02T09:30:00Z","onwardReferralId":"onw-1","outcome":"TAKEN_UP",\
                "referralId":"ref-1"}""";
        String input = String.join("\n", EventHash.GENESIS, "ref-1", "3",
                OnwardReferralOutcomeRecorded.class.getName(), revision1Canonical, "{}");
        String hashWhenStored = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(input.getBytes(StandardCharsets.UTF_8)));

        assertThat(EventHash.of(EventHash.GENESIS, "ref-1", 3, read, Map.of())).isEqualTo(hashWhenStored);
    }

    @Test
    void an_outcome_that_is_no_correction_is_written_as_revision_1_wrote_it() {
        var outcome = new OnwardReferralOutcomeRecorded(new ReferralId("ref-1"), new OnwardReferralId("onw-1"),
                OnwardReferralOutcome.TAKEN_UP, AT);

        assertThat(serializer.serialize(outcome, String.class).getData()).isEqualTo(REVISION_1_JSON);
    }

    @Test
    void a_correction_keeps_its_reason_through_a_round_trip() {
        var correction = new OnwardReferralOutcomeRecorded(new ReferralId("ref-1"), new OnwardReferralId("onw-1"),
                OnwardReferralOutcome.NOT_TAKEN_UP, OutcomeCorrectionReason.LATE_INFORMATION, AT);
        String json = serializer.serialize(correction, String.class).getData();

        assertThat(json).contains("\"correctionReason\":\"LATE_INFORMATION\"");
        assertThat(upcastAndRead(json, "2")).isEqualTo(correction);
    }

    private OnwardReferralOutcomeRecorded upcastAndRead(String json, String revision) {
        var stored = new GenericDomainEventEntry<>("Referral", "ref-1", 3, "event-1", AT,
                OnwardReferralOutcomeRecorded.class.getName(), revision, json, "{}");
        List<IntermediateEventRepresentation> upcast = new OnwardReferralOutcomeRecordedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).singleElement()
                .satisfies(event -> assertThat(event.getType().getRevision()).isEqualTo("2"));
        return serializer.deserialize(upcast.get(0).getData());
    }
}
