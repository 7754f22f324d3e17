package org.clw.ledger.command.linksworker;

import jakarta.validation.Valid;
import java.net.URI;
import org.clw.ledger.command.access.CommandScope;
import org.clw.ledger.command.web.CommandAccepted;
import org.clw.ledger.command.web.CommandContext;
import org.clw.ledger.command.web.CommandDispatcher;
import org.clw.ledger.command.web.NewIds;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/links-workers")
class LinksWorkerCommandController {

    private final CommandDispatcher commands;
    private final CommandScope scope;

    LinksWorkerCommandController(CommandDispatcher commands, CommandScope scope) {
        this.commands = commands;
        this.scope = scope;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterLinksWorkerRequest request,
            CommandContext context) {
        LinksWorkerId id = request.workerId() != null ? request.workerId() : new LinksWorkerId(NewIds.next("lw"));
        scope.checkManages(request.settings());
        CommandAccepted accepted = commands.send(
                new RegisterLinksWorker(id, request.name(), request.settings(), request.capacity()), id, context);
        return ResponseEntity.created(URI.create("/api/links-workers/" + id)).body(accepted);
    }

    @PutMapping("/{workerId}/settings")
    ResponseEntity<CommandAccepted> changeSettings(@PathVariable LinksWorkerId workerId,
            @Valid @RequestBody ChangeSettingsRequest request, CommandContext context) {
        scope.checkManages(request.settings());
        return ResponseEntity.accepted()
                .body(commands.send(new ChangeLinksWorkerSettings(workerId, request.settings()), workerId, context));
    }

    @PutMapping("/{workerId}/capacity")
    ResponseEntity<CommandAccepted> changeCapacity(@PathVariable LinksWorkerId workerId,
            @Valid @RequestBody ChangeCapacityRequest request, CommandContext context) {
        return ResponseEntity.accepted()
                .body(commands.send(new ChangeLinksWorkerCapacity(workerId, request.capacity()), workerId, context));
    }

    @PostMapping("/{workerId}/deactivation")
    ResponseEntity<CommandAccepted> deactivate(@PathVariable LinksWorkerId workerId, CommandContext context) {
        return ResponseEntity.accepted().body(commands.send(new DeactivateLinksWorker(workerId), workerId, context));
    }
}
