package org.clw.ledger.command.domain;

/** A field of the command breaks a rule of its own, whatever the state (HTTP 400). */
public class InvalidCommand extends RuntimeException {

    private final String field;

    public InvalidCommand(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
