package org.clw.ledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.EventHash;
import org.clw.ledger.events.LedgerEvent;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.SealedText;
import org.clw.ledger.events.referral.CaseClosed;
import org.clw.ledger.events.referral.OnwardReferralMade;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.privacy.PersonalDetailsCipher;
import org.clw.ledger.query.audit.Verification.Finding;
import org.springframework.stereotype.Component;

/**
 * A case's history read from the event store itself, the source of truth, in either topology. Free text about the
 * person (a closure summary, an onward referral's organisation) is opened for the reader while their key exists and
 * shown as withheld once they are erased.
 */
@Component
class CaseHistory {

    private final EventStore eventStore;
    private final ObjectMapper json;
    private final PersonalDetailsCipher cipher;

    CaseHistory(EventStore eventStore, ObjectMapper json, PersonalDetailsCipher cipher) {
        this.eventStore = eventStore;
        this.json = json;
        this.cipher = cipher;
    }

    List<HistoryEntry> history(String referralId) {
        List<DomainEventMessage<?>> events = stored(referralId);
        ParticipantId participantId = events.stream().map(DomainEventMessage::getPayload)
                .filter(ReferralReceived.class::isInstance).map(ReferralReceived.class::cast)
                .map(ReferralReceived::participantId).findFirst().orElse(null);
        return events.stream().map(event -> entry(event, participantId)).toList();
    }

    /**
     * Walks the chain in sequence order. At the first event that does not fit: a gap in the sequence numbers is a
     * removal; an event that follows a later event's hash was reordered; an event the next one skips over was
     * inserted; an event whose link or content does not match its hash was altered.
     */
    Verification verify(String referralId) {
        List<DomainEventMessage<?>> events = stored(referralId);
        Map<String, Integer> placeOfHash = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            placeOfHash.putIfAbsent(String.valueOf(stored(events.get(i), EventHash.METADATA_KEY)), i);
        }
        String previous = EventHash.GENESIS;
        for (int i = 0; i < events.size(); i++) {
            DomainEventMessage<?> event = events.get(i);
            Finding finding = findingAt(events, i, previous, placeOfHash);
            if (finding != null) {
                long sequence = Math.min(i, event.getSequenceNumber());
                return Verification.broken(referralId, events.size(), sequence, finding);
            }
            previous = stored(event, EventHash.METADATA_KEY);
        }
        return Verification.intact(referralId, events.size());
    }

    private static Finding findingAt(List<DomainEventMessage<?>> events, int i, String previous,
            Map<String, Integer> placeOfHash) {
        DomainEventMessage<?> event = events.get(i);
        if (event.getSequenceNumber() != i) {
            return event.getSequenceNumber() > i ? Finding.REMOVED : Finding.REORDERED;
        }
        String follows = stored(event, EventHash.PREVIOUS_KEY);
        if (!previous.equals(follows)) {
            if (placeOfHash.getOrDefault(follows, -1) > i) {
                return Finding.REORDERED;
            }
            if (i + 1 < events.size() && previous.equals(stored(events.get(i + 1), EventHash.PREVIOUS_KEY))) {
                return Finding.INSERTED;
            }
            return Finding.ALTERED;
        }
        return Objects.equals(hash(previous, event), stored(event, EventHash.METADATA_KEY)) ? null : Finding.ALTERED;
    }

    /** The hash the event's content gives after {@code previous}; null when the content cannot even be read. */
    private static String hash(String previous, DomainEventMessage<?> event) {
        try {
            return EventHash.of(previous, event.getAggregateIdentifier(), event.getSequenceNumber(),
                    event.getPayload(), event.getMetaData());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String stored(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private List<DomainEventMessage<?>> stored(String referralId) {
        return eventStore.readEvents(referralId, 0).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }

    private HistoryEntry entry(DomainEventMessage<?> event, ParticipantId participantId) {
        Object payload = event.getPayload();
        Revision revision = payload.getClass().getAnnotation(Revision.class);
        ObjectNode shown = json.valueToTree(payload);
        if (payload instanceof CaseClosed closed) {
            showFreeText(shown, "summary", closed.summary(), participantId);
        } else if (payload instanceof OnwardReferralMade made) {
            showFreeText(shown, "organisation", made.organisation(), participantId);
        }
        return new HistoryEntry(event.getSequenceNumber(), payload.getClass().getSimpleName(),
                revision == null ? null : revision.value(),
                payload instanceof LedgerEvent ledgerEvent ? ledgerEvent.occurredAt() : null,
                event.getTimestamp(), shown, new HashMap<>(event.getMetaData()));
    }

    private void showFreeText(ObjectNode payload, String field, SealedText text, ParticipantId participantId) {
        if (text == null) {
            return;
        }
        Optional<String> opened = participantId == null ? Optional.empty() : cipher.openText(participantId, text);
        payload.set(field, opened.<JsonNode>map(TextNode::new)
                .orElseGet(() -> json.createObjectNode().put("withheld", true)));
    }
}
