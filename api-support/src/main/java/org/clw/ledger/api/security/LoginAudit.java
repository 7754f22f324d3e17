package org.clw.ledger.api.security;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.clw.ledger.api.security.FailedLogin.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts each failed password login against its account and address ({@link LoginThrottle}), logs it without the
 * username or address (a log is no place for them), and publishes it as a {@link FailedLogin} for the audit record,
 * which the query side keeps for auditors. A successful login clears its account's count.
 */
@Component
class LoginAudit {

    private static final Logger log = LoggerFactory.getLogger(LoginAudit.class);

    private final LoginThrottle throttle;
    private final LoginSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<String> accounts;

    LoginAudit(LoginThrottle throttle, LoginSettings settings, ApplicationEventPublisher events, Clock clock,
            UserAccounts accounts) {
        this.throttle = throttle;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.accounts = accounts.users().stream().map(account -> account.username().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent failure) {
        if (!(failure.getAuthentication() instanceof UsernamePasswordAuthenticationToken login)) {
            return;
        }
        String address = addressOf(login);
        int failures = throttle.failed(login.getName(), address);
        boolean known = isAccount(login.getName());
        log.warn("Failed login to {} account: failure {} of {} allowed for it within {}",
                known ? "a known" : "an unknown", failures, settings.accountFailures(), settings.window());
        publish(login.getName(), address, known ? Outcome.WRONG_PASSWORD : Outcome.UNKNOWN_USER);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent success) {
        if (success.getAuthentication() instanceof UsernamePasswordAuthenticationToken login) {
            throttle.succeeded(login.getName());
        }
    }

    /** A login refused before its password was checked. */
    void throttled(String username, String address) {
        log.warn("Login refused unchecked: too many failed logins for the account or from the client address");
        publish(username, address, Outcome.THROTTLED);
    }

    private void publish(String username, String address, Outcome outcome) {
        events.publishEvent(new FailedLogin(clock.instant(), isAccount(username) ? username : null, address, outcome,
                MDC.get("requestId")));
    }

    private boolean isAccount(String username) {
        return username != null && accounts.contains(username.toLowerCase(Locale.ROOT));
    }

    private static String addressOf(UsernamePasswordAuthenticationToken login) {
        return login.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
    }
}
