package org.clw.ledger.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.participant.SealedText;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.ReferralId;

/** Record a signposting, referral or accompanied visit to a community organisation, named sealed. */
public record RecordOnwardReferral(
        @TargetAggregateIdentifier ReferralId referralId,
        OnwardReferralId onwardReferralId,
        SealedText organisation,
        Need need,
        OnwardReferralKind kind) {
}
