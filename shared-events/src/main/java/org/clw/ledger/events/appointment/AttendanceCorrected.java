package org.clw.ledger.events.appointment;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.Reasoned;
import org.clw.ledger.events.referral.ReferralId;

/** A recorded attendance was wrong; this event corrects it, the original stays in the history. */
@Revision("1")
public record AttendanceCorrected(
        ReferralId referralId,
        AppointmentId appointmentId,
        Attendance from,
        Attendance to,
        CorrectionReason reason,
        Instant occurredAt)
        implements CaseEvent, Reasoned {
}
