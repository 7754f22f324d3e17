package org.clw.ledger.query.audit;

/**
 * Whether the read-access log still forms its chain; if not, where it first breaks.
 *
 * @param records             the chained records checked, up to the break
 * @param firstBrokenSequence the place at which the chain first breaks; null when intact, or for an inserted record
 *                            outside the chain
 * @param finding             ALTERED (a record or its status changed), REMOVED (a place is missing), INSERTED (a
 *                            record outside the chain, newer than its start) or HEAD_ALTERED (the end was moved)
 */
record ChainVerification(boolean intact, long records, Long firstBrokenSequence, Finding finding) {

    enum Finding {
        ALTERED,
        REMOVED,
        INSERTED,
        HEAD_ALTERED
    }

    static ChainVerification intact(long records) {
        return new ChainVerification(true, records, null, null);
    }

    static ChainVerification broken(long records, Long sequence, Finding finding) {
        return new ChainVerification(false, records, sequence, finding);
    }
}
