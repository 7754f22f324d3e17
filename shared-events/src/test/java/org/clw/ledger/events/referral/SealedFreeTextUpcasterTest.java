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
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.participant.SealedText;
import org.junit.jupiter.api.Test;

class SealedFreeTextUpcasterTest {

    static final Instant AT = Instant.parse("2026-03-20T10:00:00Z");
    /** A closure and an onward referral as revision 1 stored them, their free text in clear. */
    static final String CLOSED_REVISION_1 = """
            {"referralId":"ref-1","reason":"GOALS_MET","summary":"Moved in with her sister","occurredAt":"2026-03-20T10:00:00Z"}""";
    static final String ONWARD_REVISION_1 = """
            {"referralId":"ref-1","onwardReferralId":"onw-1","organisation":"Women's Aid Glasgow","need":"ABUSE_VIOLENCE",\
            "kind":"REFERRAL","occurredAt":"2026-03-20T10:00:00Z"}""";

    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();

    @Test
    void revision_1_free_text_reads_as_text_stored_in_clear() {
        CaseClosed closed = upcastAndRead(CaseClosed.class, CLOSED_REVISION_1);
        OnwardReferralMade onward = upcastAndRead(OnwardReferralMade.class, ONWARD_REVISION_1);

        assertThat(closed.summary()).isEqualTo(new SealedText("Moved in with her sister"));
        assertThat(closed.summary().isSealed()).isFalse();
        assertThat(closed.summary().toString()).doesNotContain("sister");
        assertThat(onward.organisation().isSealed()).isFalse();
        assertThat(onward.need()).isEqualTo(Need.ABUSE_VIOLENCE);
    }

    @Test
    void a_revision_1_closure_hashes_as_it_did_when_it_was_stored() throws Exception {
        CaseClosed closed = upcastAndRead(CaseClosed.class, CLOSED_REVISION_1);
        String revision1Canonical = """
                {"occurredAt":"2026-03-20T10:00:00Z","reason":"GOALS_MET","referralId":"ref-1",\
                "summary":"Moved in with her sister"}""";
        String input = String.join("\n", EventHash.GENESIS, "ref-1", "3", CaseClosed.class.getName(),
                revision1Canonical, "{}");
        String hashWhenStored = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(input.getBytes(StandardCharsets.UTF_8)));

        assertThat(EventHash.of(EventHash.GENESIS, "ref-1", 3, closed, Map.of())).isEqualTo(hashWhenStored);
    }

    @Test
    void revision_2_writes_the_sealed_text_as_one_string_and_reads_it_back() {
        CaseClosed closed = new CaseClosed(new ReferralId("ref-1"), ClosureReason.GOALS_MET,
                SealedText.sealed("bm9uY2UrY2lwaGVydGV4dA=="), AT);
        String json = serializer.serialize(closed, String.class).getData();

        assertThat(json).contains("\"summary\":\"sealed:bm9uY2UrY2lwaGVydGV4dA==\"");
        CaseClosed read = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(json,
                String.class, CaseClosed.class.getName(), "2"));
        assertThat(read).isEqualTo(closed);
        assertThat(read.summary().ciphertext()).isEqualTo("bm9uY2UrY2lwaGVydGV4dA==");
    }

    private <T> T upcastAndRead(Class<T> type, String json) {
        var stored = new GenericDomainEventEntry<>("Referral", "ref-1", 3, "event-1", AT, type.getName(), "1", json,
                "{}");
        List<IntermediateEventRepresentation> upcast = new SealedFreeTextUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).singleElement()
                .satisfies(event -> assertThat(event.getType().getRevision()).isEqualTo("2"));
        return serializer.deserialize(upcast.get(0).getData());
    }
}
