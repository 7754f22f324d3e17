package org.clw.ledger.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.referral.DeclineReason;
import org.clw.ledger.events.referral.ReferralId;

/** Decline a received referral. */
public record DeclineReferral(
        @TargetAggregateIdentifier ReferralId referralId,
        DeclineReason reason) {
}
