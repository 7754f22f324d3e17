package org.clw.ledger.events;

import org.clw.ledger.events.appointment.AppointmentAttended;
import org.clw.ledger.events.appointment.AppointmentBooked;
import org.clw.ledger.events.appointment.AppointmentCancelled;
import org.clw.ledger.events.appointment.AppointmentMissed;
import org.clw.ledger.events.appointment.AppointmentRescheduled;
import org.clw.ledger.events.appointment.AttendanceCorrected;
import org.clw.ledger.events.referral.CaseClosed;
import org.clw.ledger.events.referral.CaseReopened;
import org.clw.ledger.events.referral.LinksWorkerAllocated;
import org.clw.ledger.events.referral.OnwardReferralMade;
import org.clw.ledger.events.referral.OnwardReferralOutcomeRecorded;
import org.clw.ledger.events.referral.OutcomeMeasureRecorded;
import org.clw.ledger.events.referral.ReferralAccepted;
import org.clw.ledger.events.referral.ReferralDeclined;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.referral.ReferralReceived;

/**
 * An event in the life of one case; the referral id is the case's aggregate id. Sealed: a fold over a case learns
 * of a new member from the compiler, or from its test. It spans the referral and appointment packages, so it lives at
 * the contract's root beside {@link LedgerEvent}, which each feature package may use without a cycle.
 */
public sealed interface CaseEvent extends LedgerEvent
        permits CaseClosed, CaseReopened, LinksWorkerAllocated, OnwardReferralMade, OnwardReferralOutcomeRecorded,
        OutcomeMeasureRecorded, ReferralAccepted, ReferralDeclined, ReferralReceived, AppointmentAttended,
        AppointmentBooked, AppointmentCancelled, AppointmentMissed, AppointmentRescheduled, AttendanceCorrected {

    ReferralId referralId();
}
