package org.clw.ledger.events.referral;

/** When in the case an outcome measure was taken. */
public enum OutcomeTimepoint {
    BASELINE,
    REVIEW,
    CLOSURE
}
