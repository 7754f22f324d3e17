package org.clw.ledger.events.linking;

/** How a person was connected to a community organisation. */
public enum OnwardReferralKind {
    SIGNPOST,
    REFERRAL,
    ACCOMPANIED
}
