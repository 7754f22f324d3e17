package org.clw.ledger.query.referral;

import java.util.Optional;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.query.projection.ProjectionBatch;

/**
 * For read models derived from cases (caseloads, waiting lists, statistics): each such projection keeps its own
 * copy of every case's {@link CaseSummary} and turns each event into a change from one summary to the next, from
 * which it sets or moves entries or increments counters. A re-delivered event changes no summary, so it yields no
 * change; a crash after the read models were written and before the copies were gives the same change again, which
 * the read models absorb (entries are set as a whole; counters remember the last case sequence they took in).
 */
public final class CaseChanges {

    private CaseChanges() {
    }

    /** The case before the event (empty before its first event) and after it. */
    public record Change(CaseSummary before, CaseSummary after, long sequence) {

        public String referralId() {
            return after.referralId();
        }
    }

    /** Applies the event to the projection's copy of its case, kept in {@code stateCollection}. */
    public static Optional<Change> apply(ProjectionBatch batch, String stateCollection, CaseEvent event,
            long sequence, long position) {
        String id = event.referralId().value();
        CaseSummary before = batch.findCase(stateCollection, id, CaseSummary.class).orElseGet(CaseSummary::new);
        CaseSummary after = before.copy();
        if (!after.apply(event, sequence, position)) {
            return Optional.empty();
        }
        batch.saveCaseState(stateCollection, id, after);
        return Optional.of(new Change(before, after, sequence));
    }
}
