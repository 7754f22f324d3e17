package org.clw.ledger.command.linksworker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.linksworker.LinksWorkerId;

/** Change a links worker's caseload capacity. */
public record ChangeLinksWorkerCapacity(
        @TargetAggregateIdentifier LinksWorkerId workerId,
        int capacity) {
}
