package org.clw.ledger.events.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;

/** The service took the referral on. */
@Revision("1")
public record ReferralAccepted(
        ReferralId referralId,
        Instant occurredAt)
        implements CaseEvent {
}
