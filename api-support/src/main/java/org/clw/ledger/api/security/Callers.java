package org.clw.ledger.api.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** The {@link Caller} of the current request, from the configured users or from the claims of a JWT. */
@Component
public class Callers {

    private final Map<String, UserAccounts.Account> accounts;
    private final JwtClaims claims;

    Callers(UserAccounts accounts, JwtClaims claims) {
        this.accounts = accounts.users().stream()
                .collect(Collectors.toMap(UserAccounts.Account::username, Function.identity()));
        this.claims = claims;
    }

    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new InsufficientAuthenticationException("No authenticated caller");
        }
        Role role = roleOf(authentication.getAuthorities());
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            List<String> settings = jwt.getClaimAsStringList(claims.settingsClaim());
            return new Caller(authentication.getName(), role, jwt.getClaimAsString(claims.workerClaim()),
                    settings == null ? Set.of() : Set.copyOf(settings));
        }
        UserAccounts.Account account = accounts.get(authentication.getName());
        return account == null
                ? new Caller(authentication.getName(), role, null, Set.of())
                : new Caller(account.username(), role, account.workerId(), Set.copyOf(account.settings()));
    }

    private static Role roleOf(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .flatMap(name -> Arrays.stream(Role.values()).filter(role -> role.name().equals(name)))
                .findFirst()
                .orElseThrow(() -> new InsufficientAuthenticationException("The caller has no role"));
    }
}
