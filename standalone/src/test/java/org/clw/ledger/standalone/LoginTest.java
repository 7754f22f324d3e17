package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.client.RestClient;

/**
 * Logging in (issue 15, findings 10 and 13): a password login once for a short-lived token that carries the caller's
 * role and scope; failed password logins throttled per account and per address before bcrypt, and recorded for
 * auditors without the password; the published demo users refused outside the development mode; a strict
 * Content-Security-Policy and no referrer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class LoginTest {

    private final ObjectMapper json = new ObjectMapper();
    ConfigurableApplicationContext app;
    String base;

    record Answer(int status, HttpHeaders headers, String body) {

        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(body);
        }
    }

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = TestSystem.start(dataDir);
        base = TestSystem.baseUrl(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_password_login_gives_a_short_lived_token_with_the_caller_s_role_and_scope() throws Exception {
        Answer login = call(base, HttpMethod.POST, "/api/session", "Basic " + basic("manager", "manager-demo"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.headers().getCacheControl()).contains("no-store");
        JsonNode session = login.json();
        assertThat(session.path("tokenType").asText()).isEqualTo("Bearer");
        String token = session.path("token").asText();
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(15 * 60);
        assertThat(claims.path("sub").asText()).isEqualTo("manager");
        assertThat(claims.path("roles")).hasSize(1);
        assertThat(claims.path("roles").get(0).asText()).isEqualTo("SERVICE_MANAGER");
        assertThat(claims.path("managed_settings").toString())
                .isEqualTo("[\"fb-glasgow-ne\",\"gp-40001\",\"gp-40002\"]");

        // The token reads the API as the manager, within the manager's scope.
        Answer me = call(base, HttpMethod.GET, "/api/me", "Bearer " + token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo("manager");
        assertThat(me.json().path("role").asText()).isEqualTo("SERVICE_MANAGER");
        assertThat(call(base, HttpMethod.GET, "/api/waiting-list?setting=gp-40001", "Bearer " + token).status())
                .isEqualTo(200);
        assertThat(call(base, HttpMethod.GET, "/api/waiting-list?setting=gp-49999", "Bearer " + token).status())
                .isEqualTo(403);
        // A token does not renew itself.
        assertThat(call(base, HttpMethod.POST, "/api/session", "Bearer " + token).status()).isEqualTo(403);
        assertThat(call(base, HttpMethod.POST, "/api/session", null).status()).isEqualTo(401);
    }

    @Test
    void a_token_the_system_did_not_sign_is_refused() throws Exception {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("clw-ledger").subject("admin").issuedAt(now)
                .expiresAt(now.plus(10, ChronoUnit.MINUTES)).claim("roles", List.of("ADMIN")).build();
        String forged = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(otherKey, "HmacSHA256")))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + forged.split("\\.")[1] + ".";

        assertThat(call(base, HttpMethod.GET, "/api/me", "Bearer " + forged).status()).isEqualTo(401);
        assertThat(call(base, HttpMethod.GET, "/api/me", "Bearer " + unsigned).status()).isEqualTo(401);
    }

    @Test
    void the_dashboard_and_the_api_forbid_inline_script_framing_and_referrers() throws Exception {
        for (String path : List.of("/dashboard/index.html", "/dashboard/dashboard.js", "/api/me")) {
            Answer answer = call(base, HttpMethod.GET, path, "Basic " + basic("evaluator", "evaluator-demo"));
            assertThat(answer.status()).as(path).isEqualTo(200);
            String policy = answer.headers().getFirst("Content-Security-Policy");
            assertThat(policy).as(path).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                    "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(answer.headers().getFirst("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
    }

    @Test
    void failed_logins_are_throttled_per_account_and_address_before_the_password_is_checked_and_recorded(
            @TempDir Path dataDir, CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext guarded = TestSystem.start(dataDir,
                "--clw.security.login.account-failures=3", "--clw.security.login.address-failures=6")) {
            String url = TestSystem.baseUrl(guarded);
            String auditor = call(url, HttpMethod.POST, "/api/session", "Basic " + basic("auditor", "auditor-demo"))
                    .json().path("token").asText();

            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(call(url, HttpMethod.GET, "/api/me", "Basic " + basic("manager", "guess-" + attempt))
                        .status()).isEqualTo(401);
            }
            // The right password now gets no further: refused before it is checked.
            Answer refused = call(url, HttpMethod.GET, "/api/me", "Basic " + basic("manager", "manager-demo"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
            assertThat(refused.json().path("status").asInt()).isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().getFirst("Retry-After"))).isBetween(1L, 15 * 60L);
            // Another account from the same address may still log in, until the address has had its six.
            assertThat(call(url, HttpMethod.GET, "/api/me", "Basic " + basic("worker", "worker-demo")).status())
                    .isEqualTo(200);
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(call(url, HttpMethod.GET, "/api/me", "Basic " + basic("nobody-" + attempt, "guess-x"))
                        .status()).isEqualTo(401);
            }
            assertThat(call(url, HttpMethod.GET, "/api/me", "Basic " + basic("worker", "worker-demo")).status())
                    .isEqualTo(429);
            // A token issued before is no password login: it still reads.
            assertThat(call(url, HttpMethod.GET, "/api/me", "Bearer " + auditor).status()).isEqualTo(200);

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Answer audit = call(url, HttpMethod.GET, "/api/audit/logins?from=" + today.minusDays(1) + "&to="
                    + today.plusDays(1), "Bearer " + auditor);
            assertThat(audit.status()).isEqualTo(200);
            List<String> records = StreamSupport.stream(audit.json().path("items").spliterator(), false)
                    .map(item -> item.path("outcome").asText() + " " + item.path("username").asText(null) + " "
                            + item.path("address").asText())
                    .sorted().toList();
            assertThat(records).containsExactly(
                    "THROTTLED manager 127.0.0.1", "THROTTLED worker 127.0.0.1",
                    "UNKNOWN_USER null 127.0.0.1", "UNKNOWN_USER null 127.0.0.1", "UNKNOWN_USER null 127.0.0.1",
                    "WRONG_PASSWORD manager 127.0.0.1", "WRONG_PASSWORD manager 127.0.0.1",
                    "WRONG_PASSWORD manager 127.0.0.1");
            assertThat(audit.body()).doesNotContain("guess-", "nobody-");
            assertThat(output.getAll()).contains("Failed login to a known account", "Failed login to an unknown account",
                    "Login refused unchecked").doesNotContain("guess-", "nobody-");
        }
    }

    @Test
    void outside_the_development_mode_the_published_demo_users_refuse_to_start(@TempDir Path dataDir) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--server.port=0", "--clw.data-dir=" + dataDir, "--clw.mongo.embedded=memory",
                "--clw.privacy.master-key=" + Base64.getEncoder().encodeToString(new byte[32])))
                .hasStackTraceContaining("published demo users [worker, manager, auditor, evaluator, admin]");
    }

    @Test
    void outside_the_development_mode_the_system_starts_with_users_of_its_own(@TempDir Path dataDir) {
        String hash = new BCryptPasswordEncoder(4).encode("a long passphrase of ours");
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        try (ConfigurableApplicationContext production = new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--server.port=0", "--clw.data-dir=" + dataDir, "--clw.mongo.embedded=memory",
                "--clw.privacy.master-key=" + Base64.getEncoder().encodeToString(masterKey),
                "--clw.security.users[0].username=ops", "--clw.security.users[0].role=ADMIN",
                "--clw.security.users[0].password-hash=" + hash)) {
            assertThat(production.getEnvironment().matchesProfiles("development")).isFalse();
            assertThat(call(TestSystem.baseUrl(production), HttpMethod.GET, "/api/me",
                    "Basic " + basic("ops", "a long passphrase of ours")).status()).isEqualTo(200);
        }
    }

    private static String basic(String username, String password) {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Answer call(String url, HttpMethod method, String path, String authorization) {
        RestClient.RequestBodySpec request = TestSystem.anonymous(url).method(method).uri(path);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
                response.getHeaders(), new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
