package org.clw.ledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** 401 and 403 as RFC 9457 problem details, like every other error of the API. */
class ProblemResponses {

    private final ObjectMapper json;
    private final String challenge;

    /** @param challenge the WWW-Authenticate header of a 401: how to log in */
    ProblemResponses(ObjectMapper json, String challenge) {
        this.json = json;
        this.challenge = challenge;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            // A script (the dashboard) handles a failed login itself: no challenge, so no browser login dialog.
            if (request.getHeader("X-Requested-With") == null) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            write(request, response, HttpStatus.UNAUTHORIZED, "Authentication is required");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, exception) ->
                write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this request");
    }

    /** The firewall's refusals (encoded slashes, path traversal) as problems too. */
    RequestRejectedHandler rejected() {
        return (request, response, exception) ->
                write(request, response, HttpStatus.BAD_REQUEST, "The request URL is not acceptable");
    }

    /** 429: the login must wait, told in whole seconds (at least one) in Retry-After and in the detail. */
    void tooManyLogins(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.getNano() > 0 ? 1 : 0));
        response.setHeader("Retry-After", Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed logins for this account or from this address; try again in " + seconds + " s");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // The firewall rejects such URLs; the problem then simply has no instance.
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
