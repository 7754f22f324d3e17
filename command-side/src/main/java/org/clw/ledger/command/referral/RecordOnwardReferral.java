package org.clw.ledger.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.participant.SealedText;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.ReferralId;

/**
 * Record a signposting, referral or accompanied visit: to a service of the community directory ({@code service}), or,
 * for something not in the directory, to an organisation named in free text sealed under the person's key; exactly
 * one of the two.
 */
public record RecordOnwardReferral(
        @TargetAggregateIdentifier ReferralId referralId,
        OnwardReferralId onwardReferralId,
        ServiceId service,
        SealedText organisation,
        Need need,
        OnwardReferralKind kind) {

    /** To a service of the community directory. */
    public static RecordOnwardReferral toService(ReferralId referralId, OnwardReferralId onwardReferralId,
            ServiceId service, Need need, OnwardReferralKind kind) {
        return new RecordOnwardReferral(referralId, onwardReferralId, service, null, need, kind);
    }

    /** To something not in the directory, named in sealed free text. */
    public static RecordOnwardReferral outsideDirectory(ReferralId referralId, OnwardReferralId onwardReferralId,
            SealedText organisation, Need need, OnwardReferralKind kind) {
        return new RecordOnwardReferral(referralId, onwardReferralId, null, organisation, need, kind);
    }
}
