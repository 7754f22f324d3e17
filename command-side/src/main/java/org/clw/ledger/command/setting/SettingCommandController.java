package org.clw.ledger.command.setting;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.clw.ledger.command.access.CommandScope;
import org.clw.ledger.command.web.CommandAccepted;
import org.clw.ledger.command.web.CommandContext;
import org.clw.ledger.command.web.CommandDispatcher;
import org.clw.ledger.command.web.NewIds;
import org.clw.ledger.events.setting.SettingId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings")
class SettingCommandController {

    private final CommandDispatcher commands;
    private final CommandScope scope;

    SettingCommandController(CommandDispatcher commands, CommandScope scope) {
        this.commands = commands;
        this.scope = scope;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterSettingRequest request,
            CommandContext context) {
        SettingId id = request.settingId() != null ? request.settingId() : new SettingId(NewIds.next("set"));
        scope.checkManages(List.of(id));
        CommandAccepted accepted = commands.send(new RegisterSetting(id, request.name(), request.type(),
                request.hscp(), request.practiceCode(), request.deepEnd()), id, context);
        return ResponseEntity.created(URI.create("/api/settings/" + id)).body(accepted);
    }

    @PostMapping("/{settingId}/closure")
    ResponseEntity<CommandAccepted> close(@PathVariable SettingId settingId, CommandContext context) {
        return ResponseEntity.accepted().body(commands.send(new CloseSetting(settingId), settingId, context));
    }
}
