package org.clw.ledger.command.web;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.clw.ledger.events.AuditKey;
import org.clw.ledger.command.dispatch.ExpectedVersionTargetResolver;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits for its outcome; refusals surface as exceptions that the problem advice maps. An
 * {@code If-Match} header on the request names the aggregate version the client saw, and a command against any other
 * version is refused with 409.
 */
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
            message = message.andMetaData(Map.of(AuditKey.REASON.key(), reason.name()));
        }
        Long expectedVersion = IfMatch.expectedVersion();
        if (expectedVersion != null) {
            message = message.andMetaData(Map.of(ExpectedVersionTargetResolver.EXPECTED_VERSION, expectedVersion));
        }
        Long version = gateway.sendAndWait(message);
        return new CommandAccepted(id.toString(), version);
    }
}
