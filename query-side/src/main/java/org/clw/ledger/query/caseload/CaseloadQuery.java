package org.clw.ledger.query.caseload;

import org.clw.ledger.api.security.Caller;

/** One worker's caseload as the caller may see it: the question of {@code GET /api/links-workers/{id}/caseload}. */
record CaseloadQuery(Caller caller, String workerId) {
}
