package org.clw.ledger.command.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.referral.OnwardReferralId;
import org.clw.ledger.events.referral.ReferralId;

/** @param onwardReferralId optional: the server chooses one when absent */
record OnwardReferralRequest(
        OnwardReferralId onwardReferralId,
        @NotBlank @Size(max = 200) String organisation,
        @NotNull Need need,
        @NotNull OnwardReferralKind kind) {
}
