package org.clw.ledger.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How logins are guarded and how long the system's own session tokens live.
 *
 * @param accountFailures failed logins of one account within {@code window} after which it is refused (429)
 * @param addressFailures failed logins from one client address within {@code window} after which it is refused
 * @param window          how far back failures count
 * @param tokenLifetime   how long a token from {@code POST /api/session} is valid
 * @param tokenKey        base64 of at least 32 bytes that signs session tokens (HMAC-SHA256); when absent, a random
 *                        key of this process, so its tokens end with it
 */
@ConfigurationProperties("clw.security.login")
record LoginSettings(Integer accountFailures, Integer addressFailures, Duration window, Duration tokenLifetime,
                     String tokenKey) {

    LoginSettings {
        accountFailures = accountFailures == null ? 5 : accountFailures;
        addressFailures = addressFailures == null ? 20 : addressFailures;
        window = window == null ? Duration.ofMinutes(15) : window;
        tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(15) : tokenLifetime;
    }
}
