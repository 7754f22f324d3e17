package org.clw.ledger.query.audit;

/**
 * Whether a case's stored events still form their hash chain; if not, the first event where it breaks.
 *
 * @param firstBrokenSequence the sequence number at which the chain first breaks, or null when intact
 * @param finding             what that event looks like: ALTERED, REMOVED (missing), INSERTED or REORDERED
 */
record Verification(String referralId, boolean intact, int events, Long firstBrokenSequence, Finding finding) {

    enum Finding {
        ALTERED,
        REMOVED,
        INSERTED,
        REORDERED
    }

    static Verification intact(String referralId, int events) {
        return new Verification(referralId, true, events, null, null);
    }

    static Verification broken(String referralId, int events, long sequence, Finding finding) {
        return new Verification(referralId, false, events, sequence, finding);
    }
}
