package org.clw.ledger.command.web;

import java.util.UUID;

/** Ids for things whose creator did not choose one. */
public final class NewIds {

    private NewIds() {
    }

    public static String next(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
