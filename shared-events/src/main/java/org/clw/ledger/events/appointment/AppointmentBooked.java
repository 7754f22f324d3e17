package org.clw.ledger.events.appointment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.referral.ReferralId;

/** An appointment was booked; {@code start} is when it is due, {@code occurredAt} when it was booked. */
@Revision("1")
public record AppointmentBooked(
        ReferralId referralId,
        AppointmentId appointmentId,
        Instant start,
        int durationMinutes,
        AppointmentMode mode,
        Instant occurredAt)
        implements CaseEvent {
}
