package org.clw.ledger.command.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.clw.ledger.api.RequestIdentity;
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

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(missingFrom(command.getMetaData(), stampFor(command)));
    }

    private static Map<String, Object> stampFor(CommandMessage<?> command) {
        Map<String, Object> stamp = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            stamp.put(AuditMetadata.ACTOR_ID, authentication.getName());
            stamp.put(AuditMetadata.ACTOR_ROLE, roleOf(authentication));
        } else {
            stamp.put(AuditMetadata.ACTOR_ID, AuditMetadata.SYSTEM_ACTOR);
            stamp.put(AuditMetadata.ACTOR_ROLE, AuditMetadata.SYSTEM_ACTOR.toUpperCase());
        }
        String requestId = RequestIdentity.currentRequestId().orElseGet(() -> UUID.randomUUID().toString());
        stamp.put(AuditMetadata.REQUEST_ID, requestId);
        stamp.put(AuditMetadata.CORRELATION_ID, RequestIdentity.currentCorrelationId().orElse(requestId));
        stamp.put(AuditMetadata.CAUSATION_ID, requestId);
        stamp.put(AuditMetadata.COMMAND_NAME, command.getPayloadType().getSimpleName());
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
