package org.clw.ledger.query.referral;

import org.clw.ledger.query.projection.Staged;

/**
 * A read model derived from cases (caseloads, waiting lists, statistics, the timeline, the audit trail). The
 * {@code cases} projection folds each event into its case once and hands every view the change; a view stages its
 * writes and keeps no copy of the cases of its own. A view is rebuilt with the cases, in the same pass.
 */
public interface CaseView {

    /** Stages what the change does to this view's documents. */
    void apply(CaseChange change, Staged writes);

    /** Forgets everything, before a replay rebuilds the view. */
    void reset();
}
