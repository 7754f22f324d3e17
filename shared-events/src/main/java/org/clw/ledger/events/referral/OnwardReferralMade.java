package org.clw.ledger.events.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;

/** The person was signposted, referred or accompanied to a community organisation. */
@Revision("1")
public record OnwardReferralMade(
        ReferralId referralId,
        OnwardReferralId onwardReferralId,
        String organisation,
        Need need,
        OnwardReferralKind kind,
        Instant occurredAt)
        implements CaseEvent {
}
