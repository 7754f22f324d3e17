package org.clw.ledger.events.appointment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.referral.ReferralId;

/** A booked appointment moved. */
@Revision("1")
public record AppointmentRescheduled(
        ReferralId referralId,
        AppointmentId appointmentId,
        Instant previousStart,
        Instant start,
        int durationMinutes,
        Instant occurredAt)
        implements CaseEvent {
}
