package org.clw.ledger.command.referral;

import jakarta.validation.constraints.NotNull;
import org.clw.ledger.events.linksworker.LinksWorkerId;

/** @param overrideCapacity allocate even when the worker is at capacity; the event records it */
record AllocationRequest(
        @NotNull LinksWorkerId workerId,
        boolean overrideCapacity) {
}
