package org.clw.ledger.command.domain;

/** The command names something inside an aggregate that does not exist, such as an unknown appointment (HTTP 404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
