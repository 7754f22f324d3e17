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

    /**
     * Whether a case in this status is on the waiting list: a referral waiting for its first contact, that is
     * received, accepted or allocated and never attended (an attended appointment makes it ACTIVE; a declined or
     * closed case is off the list, also when it closed before any contact). The waiting list, the timeline's waiting
     * counts, the README and the API description all use this one definition.
     */
    public boolean isWaiting() {
        return this == RECEIVED || this == ACCEPTED || this == ALLOCATED;
    }
}
