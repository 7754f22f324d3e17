package org.clw.ledger.command.web;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.clw.ledger.command.audit.AuditMetadata;
import org.springframework.stereotype.Component;

/** Sends a command and waits for its outcome; refusals surface as exceptions that the problem advice maps. */
@Component
public class CommandDispatcher {

    private final CommandGateway gateway;

    CommandDispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public CommandAccepted send(Object command, Object id) {
        return send(command, id, null);
    }

    /** @param reason the reason the request gave, recorded in the events' audit metadata */
    public CommandAccepted send(Object command, Object id, Enum<?> reason) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        if (reason != null) {
            message = message.andMetaData(Map.of(AuditMetadata.REASON, reason.name()));
        }
        Long version = gateway.sendAndWait(message);
        return new CommandAccepted(id.toString(), version);
    }
}
