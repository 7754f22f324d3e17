package org.clw.ledger.events.referral;

/** How a person was connected to a community organisation. */
public enum OnwardReferralKind {
    SIGNPOST,
    REFERRAL,
    ACCOMPANIED
}
