package org.clw.ledger.query.referral;

import org.axonframework.eventhandling.EventMessage;

/**
 * What one event did to its case: the state before (empty before the case's first event) and after, the event's
 * sequence number, the stream position it was read at, and the event itself with its metadata.
 */
public record CaseChange(CaseState before, CaseState after, long sequence, long position, EventMessage<?> event) {

    public String referralId() {
        return after.referralId();
    }
}
