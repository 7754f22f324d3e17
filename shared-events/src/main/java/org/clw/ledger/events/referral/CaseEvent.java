package org.clw.ledger.events.referral;

import org.clw.ledger.events.LedgerEvent;
import org.clw.ledger.events.appointment.AppointmentAttended;
import org.clw.ledger.events.appointment.AppointmentBooked;
import org.clw.ledger.events.appointment.AppointmentCancelled;
import org.clw.ledger.events.appointment.AppointmentMissed;
import org.clw.ledger.events.appointment.AppointmentRescheduled;
import org.clw.ledger.events.appointment.AttendanceCorrected;

/**
 * An event in the life of one case; the referral id is the case's aggregate id. Sealed: a fold over a case learns
 * of a new member from the compiler, or from its test.
 */
public sealed interface CaseEvent extends LedgerEvent
        permits CaseClosed, CaseReopened, LinksWorkerAllocated, OnwardReferralMade, OnwardReferralOutcomeRecorded,
        OutcomeMeasureRecorded, ReferralAccepted, ReferralDeclined, ReferralReceived, AppointmentAttended,
        AppointmentBooked, AppointmentCancelled, AppointmentMissed, AppointmentRescheduled, AttendanceCorrected {

    ReferralId referralId();
}
