package org.clw.ledger.events.referral;

/** Why an onward referral's recorded outcome was changed as a correction. */
public enum OutcomeCorrectionReason {
    RECORDED_IN_ERROR,
    LATE_INFORMATION,
    OTHER
}
