package org.clw.ledger.events.linksworker;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A links worker's caseload capacity changed. */
@Revision("1")
public record LinksWorkerCapacityChanged(
        LinksWorkerId workerId,
        int capacity,
        Instant occurredAt)
        implements LinksWorkerEvent {
}
