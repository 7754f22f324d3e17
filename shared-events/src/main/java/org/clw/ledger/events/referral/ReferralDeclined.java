package org.clw.ledger.events.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.Reasoned;

/** The service did not take the referral on. */
@Revision("1")
public record ReferralDeclined(
        ReferralId referralId,
        DeclineReason reason,
        Instant occurredAt)
        implements CaseEvent, Reasoned {
}
