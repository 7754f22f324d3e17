package org.clw.ledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One stored event of a case, as the event store holds it.
 *
 * @param occurredAt when it happened (the business time the event carries)
 * @param recordedAt when the store recorded it
 * @param metadata   the audit metadata: actor, role, correlation, causation, command, request, reason, hash
 */
record HistoryEntry(long sequence, String type, String revision, Instant occurredAt, Instant recordedAt,
                    JsonNode payload, Map<String, Object> metadata) {
}
