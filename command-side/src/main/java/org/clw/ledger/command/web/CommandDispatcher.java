package org.clw.ledger.command.web;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.clw.ledger.events.AuditKey;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the audit metadata of its {@link CommandContext} and waits for its outcome; refusals surface
 * as exceptions that the problem advice maps. A context that names an expected version (the request's
 * {@code If-Match}) has a command against any other version refused with 409.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway gateway;

    CommandDispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public CommandAccepted send(Object command, Object id, CommandContext context) {
        return dispatch(GenericCommandMessage.asCommandMessage(command).andMetaData(context.metadata()), id);
    }

    /**
     * For a command whose events carry no reason of their own (an erasure): the reason the request gave goes into
     * the audit metadata instead. A reason lives in one place: where an event has a reason field, only there.
     */
    public CommandAccepted send(Object command, Object id, CommandContext context, Enum<?> reason) {
        return dispatch(GenericCommandMessage.asCommandMessage(command).andMetaData(context.metadata())
                .andMetaData(Map.of(AuditKey.REASON.key(), reason.name())), id);
    }

    private CommandAccepted dispatch(CommandMessage<?> message, Object id) {
        Long version = gateway.sendAndWait(message);
        return new CommandAccepted(id.toString(), version);
    }
}
