package org.clw.ledger.query.referral;

import java.time.Instant;

/**
 * A case entering a status, at the business time of the event that moved it (never before its previous change), and
 * the worker whose open caseload holds it from then on (null when none does).
 */
public record StatusChange(Instant at, CaseStatus status, String holder) {
}
