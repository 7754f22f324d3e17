package org.clw.ledger.api.security;

import org.springframework.security.access.AccessDeniedException;

/** The caller's role allows this kind of request, but not for this setting or worker (403). */
public class OutOfScope extends AccessDeniedException {

    public OutOfScope(String message) {
        super(message);
    }
}
