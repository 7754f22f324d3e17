package org.clw.ledger.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.participant.SealedText;
import org.clw.ledger.events.referral.ClosureReason;
import org.clw.ledger.events.referral.ReferralId;

/** Close the case; future booked appointments are cancelled first. The summary comes sealed (or null). */
public record CloseCase(
        @TargetAggregateIdentifier ReferralId referralId,
        ClosureReason reason,
        SealedText summary) {
}
