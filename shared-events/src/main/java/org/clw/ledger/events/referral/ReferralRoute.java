package org.clw.ledger.events.referral;

/** Who brought the person to the programme. */
public enum ReferralRoute {
    GP,
    PRACTICE_STAFF,
    THIRD_PARTY,
    SELF,
    PROACTIVE
}
