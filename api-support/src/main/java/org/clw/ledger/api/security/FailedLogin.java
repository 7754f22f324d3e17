package org.clw.ledger.api.security;

import java.time.Instant;

/**
 * A login that failed or was refused, published as an application event for the audit record. Never the password;
 * the username only when it names a configured account (an unknown one may be a password typed in the wrong field).
 *
 * @param username  the account tried, or null when no such account exists
 * @param address   the client's address as the server saw it
 * @param requestId the request's id, as in the log line and the X-Request-Id header
 */
public record FailedLogin(Instant at, String username, String address, Outcome outcome, String requestId) {

    public enum Outcome {
        /** A known account, the wrong password. */
        WRONG_PASSWORD,
        /** No such account. */
        UNKNOWN_USER,
        /** Refused unchecked: too many failures for the account or from the address (429). */
        THROTTLED
    }
}
