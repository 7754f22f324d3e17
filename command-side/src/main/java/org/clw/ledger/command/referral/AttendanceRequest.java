package org.clw.ledger.command.referral;

import jakarta.validation.constraints.NotNull;
import org.clw.ledger.events.appointment.Attendance;
import org.clw.ledger.events.appointment.CorrectionReason;

/** @param correctionReason needed when the attendance was recorded before as the other value */
record AttendanceRequest(
        @NotNull Attendance attendance,
        CorrectionReason correctionReason) {
}
