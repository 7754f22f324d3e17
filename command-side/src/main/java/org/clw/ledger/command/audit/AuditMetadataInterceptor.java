package org.clw.ledger.command.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.clw.ledger.api.RequestIdentity;
import org.clw.ledger.events.AuditKey;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Stamps each command, as it is sent, with who sends it (from the authenticated principal, never from the request
 * body), the request it came from and the command's name. Metadata the sender set already is kept, so that a batch
 * job can act under its own recorded actor.
 */
@Component
class AuditMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    /** The actor recorded when a command has no authenticated user behind it. */
    static final String SYSTEM_ACTOR = "system";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(missingFrom(command.getMetaData(), stampFor(command)));
    }

    private static Map<String, Object> stampFor(CommandMessage<?> command) {
        Map<String, Object> stamp = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            stamp.put(AuditKey.ACTOR_ID.key(), authentication.getName());
            stamp.put(AuditKey.ACTOR_ROLE.key(), roleOf(authentication));
        } else {
            stamp.put(AuditKey.ACTOR_ID.key(), SYSTEM_ACTOR);
            stamp.put(AuditKey.ACTOR_ROLE.key(), SYSTEM_ACTOR.toUpperCase());
        }
        String requestId = RequestIdentity.currentRequestId().orElseGet(() -> UUID.randomUUID().toString());
        stamp.put(AuditKey.REQUEST_ID.key(), requestId);
        stamp.put(AuditKey.CORRELATION_ID.key(), RequestIdentity.currentCorrelationId().orElse(requestId));
        stamp.put(AuditKey.CAUSATION_ID.key(), requestId);
        stamp.put(AuditKey.COMMAND_NAME.key(), command.getPayloadType().getSimpleName());
        return stamp;
    }

    private static String roleOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .findFirst()
                .orElse("NONE");
    }

    private static Map<String, Object> missingFrom(Map<String, ?> present, Map<String, Object> stamp) {
        stamp.keySet().removeAll(present.keySet());
        return stamp;
    }
}
