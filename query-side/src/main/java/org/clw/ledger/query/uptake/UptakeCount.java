package org.clw.ledger.query.uptake;

import org.clw.ledger.query.projection.Counter;

/**
 * What the uptake read model counts, always of one subject ({@link Subject}): onward referrals made, outcomes
 * recorded, taken up, not taken up, and (for services and organisations) the referrals made for each need.
 */
enum UptakeCount {
    MADE, OUTCOMES, TAKEN_UP, NOT_TAKEN_UP, NEED;

    /** Whom a count is of: a directory service, a directory organisation, or a need outside the directory (a gap). */
    enum Subject {
        SERVICE, ORGANISATION, GAP;

        static Subject of(Counter counter) {
            return counter.hasDimension() ? valueOf(counter.dimension()) : null;
        }
    }

    /** This count of one subject, {@code detail} the need for {@link #NEED} and null otherwise. */
    Counter of(Subject subject, String id, Object detail) {
        Counter counter = detail == null ? Counter.of(name()) : Counter.of(name(), detail);
        return counter.by(subject.name(), id);
    }

    static UptakeCount of(Counter counter) {
        return valueOf(counter.metric());
    }
}
