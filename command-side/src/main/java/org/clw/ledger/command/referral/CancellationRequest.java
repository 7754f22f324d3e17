package org.clw.ledger.command.referral;

import jakarta.validation.constraints.NotNull;
import org.clw.ledger.events.appointment.CancellationParty;
import org.clw.ledger.events.appointment.CancellationReason;

record CancellationRequest(
        @NotNull CancellationParty cancelledBy,
        @NotNull CancellationReason reason) {
}
