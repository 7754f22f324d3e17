package org.clw.ledger.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.referral.ClosureReason;
import org.clw.ledger.events.referral.ReferralId;

/** Close the case; future booked appointments are cancelled first. */
public record CloseCase(
        @TargetAggregateIdentifier ReferralId referralId,
        ClosureReason reason,
        String summary) {
}
