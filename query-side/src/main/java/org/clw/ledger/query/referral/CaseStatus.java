package org.clw.ledger.query.referral;

/** Where a case stands in its lifecycle; the same states the command side's Referral aggregate moves through. */
public enum CaseStatus {
    RECEIVED,
    ACCEPTED,
    DECLINED,
    ALLOCATED,
    ACTIVE,
    CLOSED;

    /** Accepted, allocated or active: a case a worker is working. */
    public boolean isOpen() {
        return this == ACCEPTED || this == ALLOCATED || this == ACTIVE;
    }
}
