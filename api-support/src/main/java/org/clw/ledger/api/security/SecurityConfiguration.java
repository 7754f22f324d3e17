package org.clw.ledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Stateless, so every request names its user and every event records a real actor: bearer JWTs from the configured
 * issuer in production, HTTP Basic against the configured users otherwise. These rules decide by role and endpoint;
 * which cases and settings a links worker or manager may touch is decided per request from {@link Callers}.
 * Registries are kept by managers and admins; cases are changed by links workers, managers and admins and read by
 * them and auditors; evaluators see statistics, timelines, pseudonymised exports and the settings' names only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({UserAccounts.class, JwtClaims.class})
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

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwtDecoder,
            JwtClaims claims) throws Exception {
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        ProblemResponses problems = new ProblemResponses(json, bearer ? "Bearer" : "Basic realm=\"CLW Ledger\"");
        if (bearer) {
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(problems.unauthenticated())
                    .accessDeniedHandler(problems.forbidden())
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationFrom(claims))));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()));
        }
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/exports/**").hasAnyRole(Role.EVALUATOR.name(), Role.ADMIN.name())
                        .requestMatchers("/api/audit", "/api/audit/**").hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/settings", "/api/settings/**",
                                "/api/links-workers", "/api/links-workers/**").hasAnyRole(REGISTRY_KEEPERS)
                        .requestMatchers(HttpMethod.PUT, "/api/links-workers/**").hasAnyRole(REGISTRY_KEEPERS)
                        .requestMatchers(HttpMethod.POST, "/api/participants/*/erasure").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/participants", "/api/participants/**",
                                "/api/referrals", "/api/referrals/**").hasAnyRole(CASE_WORKERS)
                        .requestMatchers(HttpMethod.PUT, "/api/participants/**").hasAnyRole(CASE_WORKERS)
                        .requestMatchers(HttpMethod.GET, "/api/waiting-list").hasAnyRole(SETTING_READERS)
                        // Setting names are not personal data: every role reads the list, to label and filter.
                        .requestMatchers(HttpMethod.GET, "/api/settings").hasAnyRole(ANY_ROLE)
                        .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/**", "/api/links-workers",
                                "/api/links-workers/**", "/api/participants/**")
                        .hasAnyRole(CASE_READERS)
                        .anyRequest().hasAnyRole(ANY_ROLE))
                .build();
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

    @Bean
    UserDetailsService users(UserAccounts accounts) {
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
