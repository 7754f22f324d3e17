package org.clw.ledger.command.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.clw.ledger.events.AuditKey;
import org.springframework.stereotype.Component;

/**
 * Completes each command's audit metadata as it is sent: its name always, and for a command that no request sent (the
 * demo programme, a batch job) the system as actor and ids of its own. What the sender set is kept: an HTTP command's
 * actor, role and ids come explicitly from its request's context (web.CommandContext), never from a thread-local here.
 */
@Component
class AuditMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    /** The actor recorded when a command has no authenticated user behind it. */
    private static final String SYSTEM_ACTOR = "system";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(missingFrom(command.getMetaData(), defaultsFor(command)));
    }

    private static Map<String, Object> defaultsFor(CommandMessage<?> command) {
        Map<String, Object> defaults = new HashMap<>();
        String requestId = UUID.randomUUID().toString();
        defaults.put(AuditKey.ACTOR_ID.key(), SYSTEM_ACTOR);
        defaults.put(AuditKey.ACTOR_ROLE.key(), SYSTEM_ACTOR.toUpperCase());
        defaults.put(AuditKey.REQUEST_ID.key(), requestId);
        defaults.put(AuditKey.CORRELATION_ID.key(), requestId);
        defaults.put(AuditKey.CAUSATION_ID.key(), requestId);
        defaults.put(AuditKey.COMMAND_NAME.key(), command.getPayloadType().getSimpleName());
        return defaults;
    }

    private static Map<String, Object> missingFrom(Map<String, ?> present, Map<String, Object> defaults) {
        defaults.keySet().removeAll(present.keySet());
        return defaults;
    }
}
