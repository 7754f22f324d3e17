package org.clw.ledger.query.waitinglist;

import java.time.Instant;
import org.clw.ledger.query.referral.CaseStatus;
import org.clw.ledger.query.referral.CaseState;

/** A referral waiting for its first contact (a first attended appointment). */
record WaitingEntry(String referralId, String participantId, CaseStatus status, Instant receivedAt,
                    String workerId) {

    static WaitingEntry of(CaseState summary) {
        return new WaitingEntry(summary.referralId(), summary.participantId(), summary.status(),
                summary.receivedAt(), summary.workerId());
    }
}
