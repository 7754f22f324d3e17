package org.clw.ledger.command.referral;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralRoute;
import org.clw.ledger.events.setting.SettingId;

/**
 * @param referralId optional: the server chooses one when absent
 * @param receivedAt optional: now when absent; never in the future
 */
record CreateReferralRequest(
        ReferralId referralId,
        @NotNull ParticipantId participantId,
        @NotNull SettingId settingId,
        @NotEmpty @Size(max = 21) Set<@NotNull Need> needs,
        @NotNull Need primaryNeed,
        @NotNull ReferralRoute route,
        @NotNull Boolean consentRecorded,
        Instant receivedAt) {
}
