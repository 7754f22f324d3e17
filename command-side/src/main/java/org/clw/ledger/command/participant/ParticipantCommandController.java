package org.clw.ledger.command.participant;

import jakarta.validation.Valid;
import java.net.URI;
import org.clw.ledger.command.access.CommandScope;
import org.clw.ledger.command.domain.Creation;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.command.web.CommandAccepted;
import org.clw.ledger.command.web.CommandContext;
import org.clw.ledger.command.web.CommandDispatcher;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.PersonalDetails;
import org.clw.ledger.events.participant.SealedDetails;
import org.clw.ledger.privacy.ParticipantKeys;
import org.clw.ledger.privacy.PersonalDetailsCipher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Personal details are sealed with the participant's key here, before any command carries them. */
@RestController
@RequestMapping("/api/participants")
class ParticipantCommandController {

    private final CommandDispatcher commands;
    private final ParticipantNumbers numbers;
    private final PersonalDetailsCipher cipher;
    private final CommandScope scope;

    ParticipantCommandController(CommandDispatcher commands, ParticipantNumbers numbers,
            PersonalDetailsCipher cipher, CommandScope scope) {
        this.commands = commands;
        this.numbers = numbers;
        this.cipher = cipher;
        this.scope = scope;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterParticipantRequest request,
            CommandContext context) {
        ParticipantId id = request.participantId() != null ? request.participantId() : numbers.next();
        if (request.participantId() != null && scope.existsUnseen(id)) {
            // Before the details are looked at: a guess at someone unseen gets the one answer whatever it says.
            throw Creation.conflict("Participant", id);
        }
        CommandAccepted accepted = commands.send(new RegisterParticipant(id,
                sealed(id, request.personalDetails().toValue()), request.demographics().toValue()), id, context);
        return ResponseEntity.created(URI.create("/api/participants/" + id)).body(accepted);
    }

    @PutMapping("/{participantId}/details")
    ResponseEntity<CommandAccepted> changeDetails(@PathVariable ParticipantId participantId,
            @Valid @RequestBody ChangeDetailsRequest request, CommandContext context) {
        return ResponseEntity.accepted().body(commands.send(new ChangeParticipantDetails(participantId,
                sealed(participantId, request.personalDetails().toValue()), request.demographics().toValue()),
                participantId, context));
    }

    /** Destroys the participant's key (see {@link KeyShredder}); the reason goes into the event's audit metadata. */
    @PostMapping("/{participantId}/erasure")
    ResponseEntity<CommandAccepted> erase(@PathVariable ParticipantId participantId,
            @Valid @RequestBody ErasureRequest request, CommandContext context) {
        return ResponseEntity.accepted()
                .body(commands.send(new EraseParticipant(participantId), participantId, context, request.reason()));
    }

    private SealedDetails sealed(ParticipantId id, PersonalDetails details) {
        try {
            return cipher.seal(id, details);
        } catch (ParticipantKeys.KeyDestroyed erased) {
            throw new RuleViolation("Participant " + id + " has been erased");
        }
    }
}
