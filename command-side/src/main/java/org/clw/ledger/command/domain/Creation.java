package org.clw.ledger.command.domain;

/** Creating something under an id that exists is harmless when the content is the same, a conflict otherwise. */
public final class Creation {

    private Creation() {
    }

    public static void requireSameAsExisting(boolean same, String what, Object id) {
        if (!same) {
            throw new RuleViolation(what + " " + id + " already exists with different content");
        }
    }
}
