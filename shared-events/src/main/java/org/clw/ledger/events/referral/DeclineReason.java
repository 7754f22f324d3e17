package org.clw.ledger.events.referral;

/** Why a referral was not taken on. */
public enum DeclineReason {
    OUT_OF_AREA,
    NOT_ELIGIBLE,
    DUPLICATE,
    SUPPORT_NOT_WANTED,
    BETTER_MET_ELSEWHERE,
    OTHER
}
