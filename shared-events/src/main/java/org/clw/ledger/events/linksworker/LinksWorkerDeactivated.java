package org.clw.ledger.events.linksworker;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A links worker left; they take no new allocations. */
@Revision("1")
public record LinksWorkerDeactivated(
        LinksWorkerId workerId,
        Instant occurredAt)
        implements LinksWorkerEvent {
}
