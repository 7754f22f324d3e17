package org.clw.ledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.SealedDetails;
import org.clw.ledger.privacy.PersonalDetailsCipher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A participant's stored history with the sealed details opened for the reader, or shown as erased once the key is
 * gone. The events themselves never change, so erasure leaves the history's structure and its hash chain intact.
 */
@RestController
@RequestMapping("/api/participants/{participantId}/history")
class ParticipantHistoryController {

    private static final String DETAILS = "personalDetails";

    private final CaseHistory history;
    private final PersonalDetailsCipher cipher;
    private final ObjectMapper json;

    ParticipantHistoryController(CaseHistory history, PersonalDetailsCipher cipher, ObjectMapper json) {
        this.history = history;
        this.cipher = cipher;
        this.json = json;
    }

    @GetMapping
    List<HistoryEntry> history(@PathVariable ParticipantId participantId) {
        List<HistoryEntry> entries = history.history(participantId.value());
        if (entries.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown id " + participantId);
        }
        return entries.stream().map(entry -> opened(participantId, entry)).toList();
    }

    @GetMapping("/verification")
    Verification verification(@PathVariable ParticipantId participantId) {
        Verification verification = history.verify(participantId.value());
        if (verification.events() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown id " + participantId);
        }
        return verification;
    }

    private HistoryEntry opened(ParticipantId participantId, HistoryEntry entry) {
        JsonNode sealed = entry.payload().get(DETAILS);
        if (sealed == null || !sealed.isObject()) {
            return entry;
        }
        ObjectNode payload = entry.payload().deepCopy();
        payload.set(DETAILS, cipher.open(participantId, json.convertValue(sealed, SealedDetails.class))
                .<JsonNode>map(json::valueToTree)
                .orElseGet(() -> json.createObjectNode().put("erased", true)));
        return new HistoryEntry(entry.sequence(), entry.type(), entry.revision(), entry.occurredAt(),
                entry.recordedAt(), payload, entry.metadata());
    }
}
