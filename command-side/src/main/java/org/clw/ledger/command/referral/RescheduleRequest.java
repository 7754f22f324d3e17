package org.clw.ledger.command.referral;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** @param durationMinutes optional: the current duration is kept when absent */
record RescheduleRequest(
        @NotNull Instant start,
        @Min(5) @Max(480) Integer durationMinutes) {
}
