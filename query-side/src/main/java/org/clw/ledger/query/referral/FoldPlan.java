package org.clw.ledger.query.referral;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.clw.ledger.query.projection.Staged;

/**
 * A batch's case events folded ahead from the cases as stored, by event identifier. The plan's documents are read
 * ahead; the fold and the views' writes are reused when the event is handled, if its case then stands exactly where
 * the plan had it (see {@link #of}).
 */
final class FoldPlan {

    private final Map<String, PlannedChange> changes = new HashMap<>();

    void add(String eventIdentifier, PlannedChange change) {
        changes.put(eventIdentifier, change);
    }

    /**
     * The planned change of this event, if it was folded from this very state (the same object: the plan and the
     * handling read the case from the same batch, and each fold's result is the next one's start). Otherwise null,
     * and the event is folded again: its case was not planned past an earlier failure, say.
     */
    PlannedChange of(String eventIdentifier, CaseState before) {
        PlannedChange planned = changes.remove(eventIdentifier);
        return planned != null && planned.change().before() == before ? planned : null;
    }

    /** What the views staged for every planned event: the documents to read ahead. */
    Collection<Staged> writes() {
        return changes.values().stream().map(PlannedChange::writes).toList();
    }
}
