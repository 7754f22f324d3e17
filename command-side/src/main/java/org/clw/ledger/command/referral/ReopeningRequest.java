package org.clw.ledger.command.referral;

import jakarta.validation.constraints.NotNull;
import org.clw.ledger.events.referral.ReopenReason;

record ReopeningRequest(
        @NotNull ReopenReason reason) {
}
