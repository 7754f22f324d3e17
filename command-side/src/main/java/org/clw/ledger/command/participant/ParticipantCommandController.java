package org.clw.ledger.command.participant;

import jakarta.validation.Valid;
import java.net.URI;
import org.clw.ledger.command.web.CommandAccepted;
import org.clw.ledger.command.web.CommandDispatcher;
import org.clw.ledger.events.participant.ParticipantId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/participants")
class ParticipantCommandController {

    private final CommandDispatcher commands;
    private final ParticipantNumbers numbers;

    ParticipantCommandController(CommandDispatcher commands, ParticipantNumbers numbers) {
        this.commands = commands;
        this.numbers = numbers;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterParticipantRequest request) {
        ParticipantId id = request.participantId() != null ? request.participantId() : numbers.next();
        CommandAccepted accepted = commands.send(new RegisterParticipant(id, request.personalDetails().toValue(),
                request.demographics().toValue()), id);
        return ResponseEntity.created(URI.create("/api/participants/" + id)).body(accepted);
    }

    @PutMapping("/{participantId}/details")
    ResponseEntity<CommandAccepted> changeDetails(@PathVariable ParticipantId participantId,
            @Valid @RequestBody ChangeDetailsRequest request) {
        return ResponseEntity.accepted().body(commands.send(new ChangeParticipantDetails(participantId,
                request.personalDetails().toValue(), request.demographics().toValue()), participantId));
    }
}
