package org.clw.ledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a password login (HTTP Basic) with 429 and Retry-After while its account or client address has had too
 * many failures, before the password is checked: a guessing client gets neither an answer nor bcrypt's CPU time.
 */
class LoginGuard extends OncePerRequestFilter {

    private static final String BASIC = "basic ";

    private final LoginThrottle throttle;
    private final LoginAudit audit;
    private final ProblemResponses problems;

    LoginGuard(LoginThrottle throttle, LoginAudit audit, ProblemResponses problems) {
        this.throttle = throttle;
        this.audit = audit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> username = basicUsername(request.getHeader("Authorization"));
        if (username.isPresent()) {
            Optional<Duration> wait = throttle.wait(username.get(), request.getRemoteAddr());
            if (wait.isPresent()) {
                audit.throttled(username.get(), request.getRemoteAddr());
                problems.tooManyLogins(request, response, wait.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The username of a Basic header; empty for any other header, or one that does not decode (Basic refuses it). */
    private static Optional<String> basicUsername(String header) {
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(credentials.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
