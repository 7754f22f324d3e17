package org.clw.ledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a JWT names the caller's role, the links worker they are and the settings they manage. Used when
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}, {@code public-key-location})
 * is set.
 */
@ConfigurationProperties("clw.security.jwt")
record JwtClaims(String rolesClaim, String usernameClaim, String workerClaim, String settingsClaim) {

    JwtClaims {
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        usernameClaim = usernameClaim == null ? "sub" : usernameClaim;
        workerClaim = workerClaim == null ? "links_worker_id" : workerClaim;
        settingsClaim = settingsClaim == null ? "managed_settings" : settingsClaim;
    }
}
