package org.clw.ledger.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.referral.ReferralId;

/** Take a received referral on. */
public record AcceptReferral(
        @TargetAggregateIdentifier ReferralId referralId) {
}
