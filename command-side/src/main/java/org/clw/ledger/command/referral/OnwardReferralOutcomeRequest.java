package org.clw.ledger.command.referral;

import jakarta.validation.constraints.NotNull;
import org.clw.ledger.events.referral.OnwardReferralOutcome;

record OnwardReferralOutcomeRequest(
        @NotNull OnwardReferralOutcome outcome) {
}
