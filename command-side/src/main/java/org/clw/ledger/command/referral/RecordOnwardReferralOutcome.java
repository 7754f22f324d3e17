package org.clw.ledger.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.OutcomeCorrectionReason;
import org.clw.ledger.events.referral.ReferralId;

/**
 * Record whether the person took up an onward referral.
 *
 * @param correctionReason why a recorded outcome is changed; needed once the case is closed
 */
public record RecordOnwardReferralOutcome(
        @TargetAggregateIdentifier ReferralId referralId,
        OnwardReferralId onwardReferralId,
        OnwardReferralOutcome outcome,
        OutcomeCorrectionReason correctionReason) {
}
