package org.clw.ledger.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.appointment.AppointmentId;
import org.clw.ledger.events.appointment.Attendance;
import org.clw.ledger.events.appointment.CorrectionReason;
import org.clw.ledger.events.referral.ReferralId;

/** Record whether the person came; recording a different outcome again needs a correction reason. */
public record RecordAttendance(
        @TargetAggregateIdentifier ReferralId referralId,
        AppointmentId appointmentId,
        Attendance attendance,
        CorrectionReason correctionReason) {
}
