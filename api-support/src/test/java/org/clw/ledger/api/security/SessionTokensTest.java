package org.clw.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

/** The system's own tokens: the claims the JWT path reads, a lifetime on the injected clock, a key of their own. */
class SessionTokensTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final Caller MANAGER = new Caller("manager", Role.SERVICE_MANAGER, null,
            Set.of("gp-40002", "gp-40001"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final JwtClaims claims = new JwtClaims(null, null, null, null);

    @Test
    void a_token_carries_the_caller_s_role_and_scope_and_expires_after_its_lifetime() {
        SessionTokens tokens = new SessionTokens(new LoginSettings(null, null, null, Duration.ofMinutes(10), null),
                claims, clock);
        SessionTokens.Issued issued = tokens.issue(MANAGER);
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-03-02T09:10:00Z"));

        Jwt jwt = tokens.decoder().decode(issued.token());
        assertThat(jwt.getSubject()).isEqualTo("manager");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SERVICE_MANAGER");
        assertThat(jwt.getClaimAsStringList("managed_settings")).containsExactly("gp-40001", "gp-40002");
        assertThat(jwt.hasClaim("links_worker_id")).isFalse();

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(tokens.decoder().decode(issued.token()).getSubject()).isEqualTo("manager");
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> tokens.decoder().decode(issued.token())).isInstanceOf(JwtException.class);
    }

    @Test
    void a_token_is_read_only_by_a_process_with_its_key() {
        SessionTokens configured = new SessionTokens(new LoginSettings(null, null, null, null, KEY), claims, clock);
        SessionTokens sameKey = new SessionTokens(new LoginSettings(null, null, null, null, KEY), claims, clock);
        SessionTokens randomKey = new SessionTokens(new LoginSettings(null, null, null, null, null), claims, clock);
        SessionTokens otherRandomKey = new SessionTokens(new LoginSettings(null, null, null, null, null), claims, clock);
        String token = configured.issue(MANAGER).token();

        assertThat(sameKey.decoder().decode(token).getSubject()).isEqualTo("manager");
        assertThatThrownBy(() -> randomKey.decoder().decode(token)).isInstanceOf(JwtException.class);
        String random = randomKey.issue(MANAGER).token();
        assertThatThrownBy(() -> otherRandomKey.decoder().decode(random)).isInstanceOf(JwtException.class);
    }

    @Test
    void a_short_or_malformed_key_is_refused_at_start() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new SessionTokens(new LoginSettings(null, null, null, null, shortKey), claims, clock))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new SessionTokens(new LoginSettings(null, null, null, null, "not base64!"), claims,
                clock)).hasMessageContaining("not base64");
    }
}
