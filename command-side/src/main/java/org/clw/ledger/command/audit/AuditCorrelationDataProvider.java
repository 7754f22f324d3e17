package org.clw.ledger.command.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.clw.ledger.events.AuditKey;
import org.springframework.stereotype.Component;

/**
 * Copies a command's audit metadata onto every event it causes; the event's causation id is the command's message
 * id, so a history can be walked from event to command to request.
 */
@Component
class AuditCorrelationDataProvider implements CorrelationDataProvider {

    private static final List<String> INHERITED = AuditKey.fromCommand();

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        INHERITED.forEach(key -> {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        });
        data.put(AuditKey.CAUSATION_ID.key(), message.getIdentifier());
        return data;
    }
}
