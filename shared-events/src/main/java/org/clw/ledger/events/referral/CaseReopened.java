package org.clw.ledger.events.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.Reasoned;

/** A closed case became active again. */
@Revision("1")
public record CaseReopened(
        ReferralId referralId,
        ReopenReason reason,
        Instant occurredAt)
        implements CaseEvent, Reasoned {
}
