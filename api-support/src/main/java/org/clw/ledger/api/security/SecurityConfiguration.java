package org.clw.ledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Stateless, so every request names its user and every event records a real actor: bearer JWTs from the configured
 * identity provider in production; otherwise HTTP Basic against the configured users, or a short-lived bearer token
 * the system issued for such a login ({@code POST /api/session}, {@link SessionTokens}), read by the same JWT path.
 * Password logins are throttled per account and client address before bcrypt runs ({@link LoginGuard}). These rules
 * decide by role and endpoint; which cases and settings a links worker or manager may touch is decided per request
 * from {@link Callers}. Registries are kept by managers and admins; cases are changed by links workers, managers and
 * admins and read by them and auditors; evaluators see statistics, timelines, pseudonymised exports and the
 * settings' names only. Every response forbids framing and sends no referrer; all but the Swagger UI's also carry a
 * strict Content-Security-Policy (the dashboard needs nothing but its own origin: no inline script or style).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({UserAccounts.class, JwtClaims.class, LoginSettings.class})
class SecurityConfiguration {

    private static final String[] CASE_WORKERS = {
            Role.LINKS_WORKER.name(), Role.SERVICE_MANAGER.name(), Role.ADMIN.name()};
    private static final String[] REGISTRY_KEEPERS = {Role.SERVICE_MANAGER.name(), Role.ADMIN.name()};
    private static final String[] CASE_READERS = {
            Role.LINKS_WORKER.name(), Role.SERVICE_MANAGER.name(), Role.AUDITOR.name(), Role.ADMIN.name()};
    /** A login is not enough: a token that names none of the roles gets nowhere. */
    private static final String[] ANY_ROLE = Arrays.stream(Role.values()).map(Role::name)
            .toArray(String[]::new);
    private static final String[] SETTING_READERS = {Role.SERVICE_MANAGER.name(), Role.AUDITOR.name(),
            Role.ADMIN.name()};
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> identityProvider,
            JwtClaims claims, SessionTokens sessions, LoginThrottle throttle, LoginAudit audit) throws Exception {
        JwtDecoder provider = identityProvider.getIfAvailable();
        ProblemResponses problems = new ProblemResponses(json, provider != null ? "Bearer" : "Basic realm=\"CLW Ledger\"");
        http.oauth2ResourceServer(server -> server
                .authenticationEntryPoint(problems.unauthenticated())
                .accessDeniedHandler(problems.forbidden())
                .jwt(jwt -> jwt.decoder(provider != null ? provider : sessions.decoder())
                        .jwtAuthenticationConverter(authenticationFrom(claims))));
        if (provider == null) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                    .addFilterBefore(new LoginGuard(throttle, audit, problems), BasicAuthenticationFilter.class);
        }
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        // The Swagger UI is a third party's page; the API's answers and the dashboard get the policy.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**")),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // The dashboard's static files and the site icon; everything they show comes from the API,
                        // under the caller's role.
                        .requestMatchers("/", "/dashboard", "/dashboard/**", "/favicon.ico").permitAll()
                        // HEAD would answer as GET does without the GET rules' scope check and read-access record:
                        // refused under the API rather than answered unseen.
                        .requestMatchers(HttpMethod.HEAD, "/api/**").denyAll()
                        // A token for a password login, whatever the role; a token may not renew itself.
                        .requestMatchers(HttpMethod.POST, "/api/session").access((authentication, context) ->
                                new AuthorizationDecision(isPasswordLogin(authentication.get())))
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        // Uptake and gaps as spreadsheets, to whoever may ask for them in the API (same scope check).
                        .requestMatchers(HttpMethod.GET, "/api/exports/uptake.csv", "/api/exports/gaps.csv")
                        .hasAnyRole(Role.SERVICE_MANAGER.name(), Role.EVALUATOR.name(), Role.ADMIN.name())
                        .requestMatchers("/api/exports/**").hasAnyRole(Role.EVALUATOR.name(), Role.ADMIN.name())
                        .requestMatchers("/api/audit", "/api/audit/**").hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/settings", "/api/settings/**",
                                "/api/links-workers", "/api/links-workers/**").hasAnyRole(REGISTRY_KEEPERS)
                        .requestMatchers(HttpMethod.PUT, "/api/links-workers/**").hasAnyRole(REGISTRY_KEEPERS)
                        // The community directory: kept by managers (their areas) and admins, read by every role;
                        // whoever refers people on may propose a new entry.
                        .requestMatchers(HttpMethod.POST, "/api/directory/proposals").hasAnyRole(CASE_WORKERS)
                        .requestMatchers(HttpMethod.GET, "/api/directory/proposals", "/api/directory/proposals/**")
                        .hasAnyRole(CASE_WORKERS)
                        .requestMatchers(HttpMethod.POST, "/api/directory/**").hasAnyRole(REGISTRY_KEEPERS)
                        .requestMatchers(HttpMethod.PUT, "/api/directory/**").hasAnyRole(REGISTRY_KEEPERS)
                        // What people take up: managers (their areas), evaluators (under disclosure control), admins.
                        .requestMatchers(HttpMethod.GET, "/api/uptake", "/api/uptake/**").hasAnyRole(
                                Role.SERVICE_MANAGER.name(), Role.EVALUATOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/participants/*/erasure").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/participants", "/api/participants/**",
                                "/api/referrals", "/api/referrals/**").hasAnyRole(CASE_WORKERS)
                        .requestMatchers(HttpMethod.PUT, "/api/participants/**").hasAnyRole(CASE_WORKERS)
                        .requestMatchers(HttpMethod.GET, "/api/waiting-list", "/api/waiting-list/live")
                        .hasAnyRole(SETTING_READERS)
                        // Setting names are not personal data: every role reads the list, to label and filter.
                        .requestMatchers(HttpMethod.GET, "/api/settings").hasAnyRole(ANY_ROLE)
                        .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/**", "/api/links-workers",
                                "/api/links-workers/**", "/api/participants/**")
                        .hasAnyRole(CASE_READERS)
                        .anyRequest().hasAnyRole(ANY_ROLE))
                .build();
    }

    private static boolean isPasswordLogin(Authentication authentication) {
        return authentication instanceof UsernamePasswordAuthenticationToken login && login.isAuthenticated()
                && login.getAuthorities().stream().anyMatch(authority -> Arrays.stream(ANY_ROLE)
                .anyMatch(role -> authority.getAuthority().equals("ROLE_" + role)));
    }

    /** Roles from the configured claim (a list of role names); the username from another. */
    private static JwtAuthenticationConverter authenticationFrom(JwtClaims claims) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(claims.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName(claims.usernameClaim());
        return converter;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return new ProblemResponses(json, "").rejected();
    }

    /**
     * The configured users. Outside the development mode, a password login that still has a published demo user
     * (whose password is its username followed by -demo) refuses to start: anyone who read the README could log in.
     */
    @Bean
    UserDetailsService users(UserAccounts accounts, PasswordEncoder passwords, Environment environment,
            ObjectProvider<JwtDecoder> identityProvider) {
        if (identityProvider.getIfAvailable() == null && !environment.matchesProfiles("development")) {
            List<String> demoUsers = accounts.users().stream()
                    .filter(account -> passwords.matches(account.username() + "-demo", account.passwordHash()))
                    .map(UserAccounts.Account::username)
                    .toList();
            if (!demoUsers.isEmpty()) {
                throw new IllegalStateException("The published demo users " + demoUsers + " are configured outside "
                        + "the development mode: replace clw.security.users (see the README, \"Demo users\"), use an "
                        + "identity provider, or start with the Spring profile development");
            }
        }
        return new InMemoryUserDetailsManager(accounts.users().stream()
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .roles(account.role().name())
                        .build())
                .toList());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
