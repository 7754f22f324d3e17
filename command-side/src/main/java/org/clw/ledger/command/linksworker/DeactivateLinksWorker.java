package org.clw.ledger.command.linksworker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.linksworker.LinksWorkerId;

/** Stop allocating cases to a links worker who has left. */
public record DeactivateLinksWorker(
        @TargetAggregateIdentifier LinksWorkerId workerId) {
}
