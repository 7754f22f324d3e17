package org.clw.ledger.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.ReferralId;

/** Record whether the person took up an onward referral. */
public record RecordOnwardReferralOutcome(
        @TargetAggregateIdentifier ReferralId referralId,
        OnwardReferralId onwardReferralId,
        OnwardReferralOutcome outcome) {
}
