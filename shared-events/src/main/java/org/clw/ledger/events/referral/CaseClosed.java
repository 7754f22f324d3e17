package org.clw.ledger.events.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.Reasoned;

/** The case ended. Future appointments were cancelled by events before this one. */
@Revision("1")
public record CaseClosed(
        ReferralId referralId,
        ClosureReason reason,
        String summary,
        Instant occurredAt)
        implements CaseEvent, Reasoned {
}
