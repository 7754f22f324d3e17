package org.clw.ledger.query.participant;

import java.time.Instant;
import java.util.List;
import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.PersonalDetails;
import org.clw.ledger.privacy.PersonalDetailsCipher;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A participant's personal details, opened with their key for this read only; every such read is audited. */
@RestController
@RequestMapping("/api/participants")
class ParticipantQueryController {

    private final MongoOperations mongo;
    private final PersonalDetailsCipher cipher;

    ParticipantQueryController(MongoOperations mongo, PersonalDetailsCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
    }

    /** @param personalDetails null once erased */
    record ParticipantView(String participantId, boolean erased, PersonalDetails personalDetails,
                           Demographics demographics, Instant registeredAt, Instant erasedAt,
                           List<String> referralIds) {
    }

    @GetMapping("/{participantId}")
    ParticipantView participant(@PathVariable ParticipantId participantId) {
        ParticipantRecord participant = mongo.findById(participantId.value(), ParticipantRecord.class,
                ParticipantProjection.COLLECTION);
        if (participant == null || participant.registeredAt == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown id " + participantId);
        }
        PersonalDetails details = participant.personalDetails == null ? null
                : cipher.open(participantId, participant.personalDetails).orElse(null);
        return new ParticipantView(participant.participantId, participant.erased || details == null, details,
                participant.demographics, participant.registeredAt, participant.erasedAt,
                List.copyOf(participant.referralIds));
    }
}
