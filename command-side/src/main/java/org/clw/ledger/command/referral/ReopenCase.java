package org.clw.ledger.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReopenReason;

/** Open a closed case again. */
public record ReopenCase(
        @TargetAggregateIdentifier ReferralId referralId,
        ReopenReason reason) {
}
