package org.clw.ledger.api;

/** A request parameter that is well formed but unacceptable, such as a period that ends before it starts (400). */
public class InvalidParameter extends RuntimeException {

    private final String parameter;

    public InvalidParameter(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
