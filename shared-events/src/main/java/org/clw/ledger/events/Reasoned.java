package org.clw.ledger.events;

import java.util.Map;

/**
 * An event whose payload says why it happened. A reason lives in one place: there, and not again in the audit
 * metadata, which carries a reason only for an event that has none of its own (an erasure). An auditor's view of
 * the reason is {@link #of}.
 */
public interface Reasoned {

    Enum<?> reason();

    /** Why the event happened: its own reason, or the one its audit metadata records, or none. */
    static String of(Object event, Map<String, ?> metadata) {
        if (event instanceof Reasoned reasoned && reasoned.reason() != null) {
            return reasoned.reason().name();
        }
        Object recorded = metadata.get(AuditKey.REASON.key());
        return recorded == null ? null : recorded.toString();
    }
}
