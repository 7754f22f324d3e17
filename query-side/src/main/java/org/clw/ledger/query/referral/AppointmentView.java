package org.clw.ledger.query.referral;

import java.time.Instant;
import org.clw.ledger.events.appointment.AppointmentMode;

/** An appointment of a case as it stands; {@code changedAt} is when it was last cancelled or recorded. */
public record AppointmentView(String appointmentId, Instant start, int durationMinutes, AppointmentMode mode,
                              AppointmentState state, Instant bookedAt, Instant changedAt) {

    AppointmentView with(AppointmentState newState, Instant at) {
        return new AppointmentView(appointmentId, start, durationMinutes, mode, newState, bookedAt, at);
    }

    AppointmentView movedTo(Instant newStart, int newDuration) {
        return new AppointmentView(appointmentId, newStart, newDuration, mode, state, bookedAt, changedAt);
    }
}
