package org.clw.ledger.api.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * The system's own short-lived login tokens, for a password login that should not be repeated on every request (the
 * dashboard): JWTs signed with HMAC-SHA256 carrying the claims an identity provider's token carries
 * ({@link JwtClaims}), so the same resource-server path reads both. The key is configured
 * ({@code clw.security.login.token-key}) or random per process; never a constant.
 */
@Component
class SessionTokens {

    static final String ISSUER = "clw-ledger";
    private static final int KEY_BYTES = 32;

    private final JwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final LoginSettings settings;
    private final JwtClaims claims;
    private final Clock clock;

    SessionTokens(LoginSettings settings, JwtClaims claims, Clock clock) {
        SecretKey key = new SecretKeySpec(keyBytes(settings.tokenKey()), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(ISSUER)));
        this.settings = settings;
        this.claims = claims;
        this.clock = clock;
    }

    record Issued(String token, String tokenType, Instant expiresAt) {
    }

    Issued issue(Caller caller) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.tokenLifetime());
        JwtClaimsSet.Builder token = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(caller.username())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(claims.usernameClaim(), caller.username())
                .claim(claims.rolesClaim(), List.of(caller.role().name()));
        if (caller.workerId() != null) {
            token.claim(claims.workerClaim(), caller.workerId());
        }
        if (!caller.managedSettings().isEmpty()) {
            token.claim(claims.settingsClaim(), caller.managedSettings().stream().sorted().toList());
        }
        String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                token.build())).getTokenValue();
        return new Issued(value, "Bearer", expiresAt);
    }

    JwtDecoder decoder() {
        return decoder;
    }

    private static byte[] keyBytes(String configured) {
        if (configured == null || configured.isBlank()) {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            return key;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("clw.security.login.token-key is not base64");
        }
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException("clw.security.login.token-key must be at least " + KEY_BYTES + " bytes");
        }
        return key;
    }
}
