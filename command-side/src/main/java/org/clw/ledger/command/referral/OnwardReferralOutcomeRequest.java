package org.clw.ledger.command.referral;

import jakarta.validation.constraints.NotNull;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.OutcomeCorrectionReason;

/** @param correctionReason needed to change a recorded outcome once the case is closed */
record OnwardReferralOutcomeRequest(
        @NotNull OnwardReferralOutcome outcome,
        OutcomeCorrectionReason correctionReason) {
}
