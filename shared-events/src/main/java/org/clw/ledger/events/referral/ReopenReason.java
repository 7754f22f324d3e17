package org.clw.ledger.events.referral;

/** Why a closed case was opened again. */
public enum ReopenReason {
    PARTICIPANT_RETURNED,
    NEW_NEED,
    CLOSED_IN_ERROR,
    OTHER
}
