package org.clw.ledger.events.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.clw.ledger.events.EventHash;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.participant.SealedText;
import org.junit.jupiter.api.Test;

class DirectoryServiceUpcasterTest {

    static final Instant AT = Instant.parse("2026-03-20T10:00:00Z");
    static final String ONWARD_REVISION_2 = """
            {"referralId":"ref-1","onwardReferralId":"onw-1","organisation":"sealed:bm9uY2UrY2lwaGVydGV4dA==",\
            "need":"DEBT","kind":"REFERRAL","occurredAt":"2026-03-20T10:00:00Z"}""";
    static final String ONWARD_REVISION_1 = """
            {"referralId":"ref-1","onwardReferralId":"onw-1","organisation":"Women's Aid Glasgow","need":"ABUSE_VIOLENCE",\
            "kind":"REFERRAL","occurredAt":"2026-03-20T10:00:00Z"}""";

    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();

    @Test
    void a_revision_2_onward_referral_reads_as_one_outside_the_directory() {
        OnwardReferralMade onward = upcastAndRead(ONWARD_REVISION_2, "2");

        assertThat(onward.inDirectory()).isFalse();
        assertThat(onward.service()).isNull();
        assertThat(onward.organisation()).isEqualTo(SealedText.sealed("bm9uY2UrY2lwaGVydGV4dA=="));
    }

    @Test
    void a_revision_1_onward_referral_climbs_both_revisions_in_the_chain() {
        OnwardReferralMade onward = upcastAndRead(ONWARD_REVISION_1, "1");

        assertThat(onward.organisation().isSealed()).isFalse();
        assertThat(onward.need()).isEqualTo(Need.ABUSE_VIOLENCE);
    }

    @Test
    void an_onward_referral_outside_the_directory_is_written_and_hashed_as_revision_2_wrote_it() {
        OnwardReferralMade onward = upcastAndRead(ONWARD_REVISION_2, "2");

        assertThat(serializer.serialize(onward, String.class).getData()).isEqualTo(ONWARD_REVISION_2);
        OnwardReferralMade sameAsRevision2 = OnwardReferralMade.outsideDirectory(new ReferralId("ref-1"),
                new OnwardReferralId("onw-1"), SealedText.sealed("bm9uY2UrY2lwaGVydGV4dA=="), Need.DEBT,
                OnwardReferralKind.REFERRAL, AT);
        assertThat(EventHash.of(EventHash.GENESIS, "ref-1", 5, onward, Map.of()))
                .isEqualTo(EventHash.of(EventHash.GENESIS, "ref-1", 5, sameAsRevision2, Map.of()));
    }

    @Test
    void a_directory_referral_names_the_service_and_its_organisation_and_no_free_text() {
        OnwardReferralMade onward = OnwardReferralMade.toDirectoryService(new ReferralId("ref-1"),
                new OnwardReferralId("onw-2"), new ServiceId("svc-1"), new OrganisationId("org-1"), Need.DEBT,
                OnwardReferralKind.SIGNPOST, AT);
        String json = serializer.serialize(onward, String.class).getData();

        assertThat(json).contains("\"service\":\"svc-1\"", "\"serviceOrganisation\":\"org-1\"")
                .doesNotContain("\"organisation\"");
        assertThat(serializer.<String, OnwardReferralMade>deserialize(new SimpleSerializedObject<>(json,
                String.class, OnwardReferralMade.class.getName(), "3"))).isEqualTo(onward);
    }

    @Test
    void an_onward_referral_names_a_service_or_free_text_never_both_nor_neither() {
        ReferralId referral = new ReferralId("ref-1");
        OnwardReferralId id = new OnwardReferralId("onw-1");
        SealedText text = SealedText.sealed("eA==");

        assertThatThrownBy(() -> new OnwardReferralMade(referral, id, text, Need.DEBT, OnwardReferralKind.REFERRAL,
                AT, new ServiceId("svc-1"), new OrganisationId("org-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OnwardReferralMade(referral, id, null, Need.DEBT, OnwardReferralKind.REFERRAL,
                AT, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OnwardReferralMade(referral, id, null, Need.DEBT, OnwardReferralKind.REFERRAL,
                AT, new ServiceId("svc-1"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private OnwardReferralMade upcastAndRead(String json, String revision) {
        var stored = new GenericDomainEventEntry<>("Referral", "ref-1", 5, "event-1", AT,
                OnwardReferralMade.class.getName(), revision, json, "{}");
        List<IntermediateEventRepresentation> upcast = new EventUpcasterChain(new SealedFreeTextUpcaster(),
                new DirectoryServiceUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).singleElement()
                .satisfies(event -> assertThat(event.getType().getRevision()).isEqualTo("3"));
        return serializer.deserialize(upcast.get(0).getData());
    }
}
