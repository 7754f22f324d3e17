package org.clw.ledger.events.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.linksworker.LinksWorkerId;

/**
 * A links worker took the case. {@code previousWorkerId} is null on the first allocation; {@code capacityOverride}
 * records that the worker was at or above capacity and someone chose to allocate anyway.
 */
@Revision("1")
public record LinksWorkerAllocated(
        ReferralId referralId,
        LinksWorkerId workerId,
        LinksWorkerId previousWorkerId,
        boolean capacityOverride,
        Instant occurredAt)
        implements CaseEvent {
}
