package org.clw.ledger.query.audit;

import java.time.Instant;

/** Who did what, in what role, when, to which case or registry entry: one stored event, without its content. */
record AuditRow(String aggregateId, long sequence, String eventType, String actorId, String actorRole,
                String settingId, Instant recordedAt, Instant occurredAt, String commandName, String correlationId,
                String reason) {
}
