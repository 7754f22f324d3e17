package org.clw.ledger.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.referral.ReferralId;

/** Give the case to a links worker; {@code overrideCapacity} allows a worker at capacity. */
public record AllocateLinksWorker(
        @TargetAggregateIdentifier ReferralId referralId,
        LinksWorkerId workerId,
        boolean overrideCapacity) {
}
