package org.clw.ledger.query.projection;

import org.clw.ledger.api.security.Caller;

/** Where every projection stands: the question of {@code GET /api/admin/projections}, for admins. */
record ProjectionsQuery(Caller caller) {
}
