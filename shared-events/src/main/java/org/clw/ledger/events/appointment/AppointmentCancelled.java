package org.clw.ledger.events.appointment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.Reasoned;
import org.clw.ledger.events.referral.ReferralId;

/** A booked appointment will not take place. */
@Revision("1")
public record AppointmentCancelled(
        ReferralId referralId,
        AppointmentId appointmentId,
        CancellationParty cancelledBy,
        CancellationReason reason,
        Instant occurredAt)
        implements CaseEvent, Reasoned {
}
