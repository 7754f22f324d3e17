package org.clw.ledger.command.referral;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.AppointmentMode;

/** @param appointmentId optional: the server chooses one when absent */
record BookAppointmentRequest(
        AppointmentId appointmentId,
        @NotNull Instant start,
        @NotNull @Min(5) @Max(480) Integer durationMinutes,
        @NotNull AppointmentMode mode) {
}
