package org.clw.ledger.query.referral;

import org.clw.ledger.query.projection.Staged;

/** An event's change to its case as the batch's plan folded it, and what the views staged for it. */
record PlannedChange(CaseChange change, Staged writes) {
}
