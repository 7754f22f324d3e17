package org.clw.ledger.command.domain;

/**
 * Why a command handler said no, in a form that crosses Axon Server intact as the details of a
 * {@link org.axonframework.commandhandling.CommandExecutionException}.
 *
 * @param field the offending request field, or null when the refusal is not about one field
 */
public record CommandRefusal(Kind kind, String field, String message) {

    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT
    }
}
