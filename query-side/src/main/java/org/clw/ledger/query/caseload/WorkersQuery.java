package org.clw.ledger.query.caseload;

import java.util.Set;
import org.clw.ledger.api.security.Caller;

/** The links workers the caller may see, one page by name: the question of {@code GET /api/links-workers}. */
record WorkersQuery(Caller caller, int page, int size) {

    /**
     * Whether a change to these workers' caseloads may change the answer. A manager's may change whenever any does:
     * a worker who leaves the manager's settings leaves the list, and their settings before the change are gone.
     */
    boolean affectedBy(Set<String> workerIds) {
        return switch (caller.role()) {
            case LINKS_WORKER -> workerIds.contains(caller.workerId());
            case EVALUATOR -> false;
            default -> true;
        };
    }
}
