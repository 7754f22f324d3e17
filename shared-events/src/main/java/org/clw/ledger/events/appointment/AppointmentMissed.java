package org.clw.ledger.events.appointment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.referral.ReferralId;

/** The person did not attend (DNA); {@code occurredAt} is the appointment's start. */
@Revision("1")
public record AppointmentMissed(
        ReferralId referralId,
        AppointmentId appointmentId,
        Instant occurredAt)
        implements CaseEvent {
}
