package org.clw.ledger.events.appointment;

/** Why a recorded attendance was corrected. */
public enum CorrectionReason {
    RECORDED_IN_ERROR,
    WRONG_APPOINTMENT,
    LATE_INFORMATION,
    OTHER
}
