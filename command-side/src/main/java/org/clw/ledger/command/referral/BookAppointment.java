package org.clw.ledger.command.referral;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.AppointmentMode;
import org.clw.ledger.events.referral.ReferralId;

/** Book an appointment in the case. */
public record BookAppointment(
        @TargetAggregateIdentifier ReferralId referralId,
        AppointmentId appointmentId,
        Instant start,
        int durationMinutes,
        AppointmentMode mode) {
}
