package org.clw.ledger.command.referral;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.referral.ReferralId;

/** Move a booked appointment; a null duration keeps the current one. */
public record RescheduleAppointment(
        @TargetAggregateIdentifier ReferralId referralId,
        AppointmentId appointmentId,
        Instant start,
        Integer durationMinutes) {
}
