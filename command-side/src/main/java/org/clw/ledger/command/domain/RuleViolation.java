package org.clw.ledger.command.domain;

/** The command is well formed, but the current state of the programme forbids it (HTTP 409). */
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message, null, false, false);
    }
}
