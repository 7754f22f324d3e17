package org.clw.ledger.api.security;

/** The roles of DESIGN.md section 7. */
public enum Role {
    LINKS_WORKER,
    SERVICE_MANAGER,
    AUDITOR,
    EVALUATOR,
    ADMIN
}
