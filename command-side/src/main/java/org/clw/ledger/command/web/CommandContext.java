package org.clw.ledger.command.web;

import java.util.HashMap;
import java.util.Map;
import org.clw.ledger.command.dispatch.ExpectedVersionTargetResolver;
import org.clw.ledger.events.AuditKey;

/**
 * What the HTTP layer knows about a command, handed to the command path explicitly rather than read from thread-locals
 * inside it: who sends it and in what role (from the login, never from the body), the request and correlation ids,
 * and the aggregate version the client saw ({@code If-Match}, or none). Controllers take it as a parameter
 * ({@link CommandContextResolver}); {@link CommandDispatcher} turns it into the command's audit metadata.
 */
public record CommandContext(String actorId, String actorRole, String requestId, String correlationId,
                             Long expectedVersion) {

    Map<String, Object> metadata() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AuditKey.ACTOR_ID.key(), actorId);
        metadata.put(AuditKey.ACTOR_ROLE.key(), actorRole);
        metadata.put(AuditKey.REQUEST_ID.key(), requestId);
        metadata.put(AuditKey.CORRELATION_ID.key(), correlationId);
        metadata.put(AuditKey.CAUSATION_ID.key(), requestId);
        if (expectedVersion != null) {
            metadata.put(ExpectedVersionTargetResolver.EXPECTED_VERSION, expectedVersion);
        }
        return metadata;
    }
}
