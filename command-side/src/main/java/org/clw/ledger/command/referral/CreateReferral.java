package org.clw.ledger.command.referral;

import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.setting.SettingId;

/** Receive a referral; {@code receivedAt} defaults to now. */
public record CreateReferral(
        @TargetAggregateIdentifier ReferralId referralId,
        ParticipantId participantId,
        SettingId settingId,
        Set<Need> needs,
        Need primaryNeed,
        ReferralRoute route,
        boolean consentRecorded,
        Instant receivedAt) {
}
