package org.clw.ledger.events.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Whether the person took up an onward referral. */
@Revision("1")
public record OnwardReferralOutcomeRecorded(
        ReferralId referralId,
        OnwardReferralId onwardReferralId,
        OnwardReferralOutcome outcome,
        Instant occurredAt)
        implements CaseEvent {
}
