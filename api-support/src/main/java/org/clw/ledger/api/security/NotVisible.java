package org.clw.ledger.api.security;

/**
 * The caller may not know that this exists, so it is answered exactly like an unknown id: 404, "Unknown id ...".
 */
public class NotVisible extends RuntimeException {

    public NotVisible(Object id) {
        super("Unknown id " + id, null, false, false);
    }
}
