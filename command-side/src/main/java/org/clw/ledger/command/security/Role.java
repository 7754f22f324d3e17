package org.clw.ledger.command.security;

/** The roles of DESIGN.md section 7. */
public enum Role {
    LINKS_WORKER,
    SERVICE_MANAGER,
    AUDITOR,
    EVALUATOR,
    ADMIN
}
