package org.clw.ledger.command.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clw.ledger.events.referral.ClosureReason;

/** @param summary optional and short; sealed under the participant's key before any command carries it */
record ClosureRequest(
        @NotNull ClosureReason reason,
        @Size(max = 1000) String summary) {
}
