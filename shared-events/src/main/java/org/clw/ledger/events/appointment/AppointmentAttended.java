package org.clw.ledger.events.appointment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.referral.ReferralId;

/** The person came to the appointment; {@code occurredAt} is the appointment's start. */
@Revision("1")
public record AppointmentAttended(
        ReferralId referralId,
        AppointmentId appointmentId,
        Instant occurredAt)
        implements CaseEvent {
}
