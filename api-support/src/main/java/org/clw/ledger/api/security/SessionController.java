package org.clw.ledger.api.security;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A password login (HTTP Basic, checked once) exchanged for a short-lived bearer token, so that a client such as the
 * dashboard keeps no password and spends no bcrypt check per request. Only a password login may ask: a token cannot
 * extend itself (SecurityConfiguration).
 */
@RestController
class SessionController {

    private final Callers callers;
    private final SessionTokens tokens;

    SessionController(Callers callers, SessionTokens tokens) {
        this.callers = callers;
        this.tokens = tokens;
    }

    @PostMapping("/api/session")
    SessionTokens.Issued logIn() {
        return tokens.issue(callers.current());
    }
}
