package org.clw.ledger.events.referral;

/** Whether the person took up an onward referral. */
public enum OnwardReferralOutcome {
    TAKEN_UP,
    NOT_TAKEN_UP
}
