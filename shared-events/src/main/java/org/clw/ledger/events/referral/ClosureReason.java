package org.clw.ledger.events.referral;

/** Why a case was closed. */
public enum ClosureReason {
    GOALS_MET,
    REFERRED_ON,
    DECLINED_SUPPORT,
    NO_CONTACT_AFTER_ATTEMPTS,
    DISENGAGED,
    MOVED_AWAY,
    DECEASED,
    INAPPROPRIATE_REFERRAL,
    TRANSFERRED,
    OTHER
}
