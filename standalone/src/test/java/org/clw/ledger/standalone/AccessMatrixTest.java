package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, for every endpoint of the API and every role: anonymous callers get 401, roles without the
 * right 403 for their role, and the others get past the role check (to whatever the endpoint makes of a nonsense
 * request, which for a links worker or manager may be a 403 or 404 because id x1 is not in their part of the
 * programme). A new endpoint without a line in {@link #ALLOWED} fails the build.
 *
 * <p>Each role calls with its session token (one password login per role): a password on every request would cost a
 * bcrypt check each time. The password path gets the same checks on {@link #PASSWORD_SAMPLE}, for every role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final Set<String> CASE_WORKERS = Set.of("worker", "manager", "admin");
    static final Set<String> REGISTRY_KEEPERS = Set.of("manager", "admin");
    static final Set<String> CASE_READERS = Set.of("worker", "manager", "auditor", "admin");
    static final Set<String> EVERYONE = Set.of("worker", "manager", "auditor", "evaluator", "admin");

    /** Method and path pattern to the users (one per role) who may call it. */
    static final Map<String, Set<String>> ALLOWED = new TreeMap<>(Map.ofEntries(
            Map.entry("POST /api/settings", REGISTRY_KEEPERS),
            Map.entry("POST /api/settings/{settingId}/closure", REGISTRY_KEEPERS),
            Map.entry("GET /api/settings", EVERYONE),
            Map.entry("POST /api/links-workers", REGISTRY_KEEPERS),
            Map.entry("PUT /api/links-workers/{workerId}/settings", REGISTRY_KEEPERS),
            Map.entry("PUT /api/links-workers/{workerId}/capacity", REGISTRY_KEEPERS),
            Map.entry("POST /api/links-workers/{workerId}/deactivation", REGISTRY_KEEPERS),
            Map.entry("POST /api/directory/organisations", REGISTRY_KEEPERS),
            Map.entry("PUT /api/directory/organisations/{organisationId}", REGISTRY_KEEPERS),
            Map.entry("POST /api/directory/services", REGISTRY_KEEPERS),
            Map.entry("POST /api/directory/imports", REGISTRY_KEEPERS),
            Map.entry("PUT /api/directory/services/{serviceId}", REGISTRY_KEEPERS),
            Map.entry("POST /api/directory/services/{serviceId}/withdrawal", REGISTRY_KEEPERS),
            Map.entry("POST /api/directory/services/{serviceId}/reopening", REGISTRY_KEEPERS),
            Map.entry("GET /api/directory/organisations", EVERYONE),
            Map.entry("GET /api/directory/organisations/{organisationId}", EVERYONE),
            Map.entry("GET /api/directory/services", EVERYONE),
            Map.entry("GET /api/directory/services/{serviceId}", EVERYONE),
            Map.entry("POST /api/directory/proposals", CASE_WORKERS),
            Map.entry("POST /api/directory/proposals/{proposalId}/acceptance", REGISTRY_KEEPERS),
            Map.entry("POST /api/directory/proposals/{proposalId}/decline", REGISTRY_KEEPERS),
            Map.entry("GET /api/directory/proposals", CASE_WORKERS),
            Map.entry("GET /api/directory/proposals/{proposalId}", CASE_WORKERS),
            Map.entry("GET /api/links-workers", CASE_READERS),
            Map.entry("GET /api/links-workers/{workerId}/caseload", CASE_READERS),
            Map.entry("GET /api/links-workers/live", CASE_READERS),
            Map.entry("GET /api/links-workers/{workerId}/caseload/live", CASE_READERS),
            Map.entry("POST /api/participants", CASE_WORKERS),
            Map.entry("PUT /api/participants/{participantId}/details", CASE_WORKERS),
            Map.entry("POST /api/participants/{participantId}/erasure", Set.of("admin")),
            Map.entry("GET /api/participants/{participantId}", CASE_READERS),
            Map.entry("GET /api/participants/{participantId}/history", CASE_READERS),
            Map.entry("GET /api/participants/{participantId}/history/verification", CASE_READERS),
            Map.entry("POST /api/referrals", CASE_WORKERS),
            Map.entry("POST /api/referrals/{referralId}/acceptance", CASE_WORKERS),
            Map.entry("POST /api/referrals/{referralId}/decline", CASE_WORKERS),
            Map.entry("POST /api/referrals/{referralId}/allocation", CASE_WORKERS),
            Map.entry("POST /api/referrals/{referralId}/appointments", CASE_WORKERS),
            Map.entry("POST /api/referrals/{referralId}/appointments/{appointmentId}/reschedule", CASE_WORKERS),
            Map.entry("POST /api/referrals/{referralId}/appointments/{appointmentId}/cancellation", CASE_WORKERS),
            Map.entry("POST /api/referrals/{referralId}/appointments/{appointmentId}/attendance", CASE_WORKERS),
            Map.entry("POST /api/referrals/{referralId}/onward-referrals", CASE_WORKERS),
            Map.entry("POST /api/referrals/{referralId}/onward-referrals/{onwardReferralId}/outcome", CASE_WORKERS),
            Map.entry("POST /api/referrals/{referralId}/outcome-measures", CASE_WORKERS),
            Map.entry("POST /api/referrals/{referralId}/closure", CASE_WORKERS),
            Map.entry("POST /api/referrals/{referralId}/reopening", CASE_WORKERS),
            Map.entry("GET /api/cases", CASE_READERS),
            Map.entry("GET /api/cases/{referralId}", CASE_READERS),
            Map.entry("GET /api/cases/{referralId}/history", CASE_READERS),
            Map.entry("GET /api/cases/{referralId}/history/verification", CASE_READERS),
            Map.entry("GET /api/waiting-list", Set.of("manager", "auditor", "admin")),
            Map.entry("GET /api/waiting-list/live", Set.of("manager", "auditor", "admin")),
            Map.entry("GET /api/me", EVERYONE),
            Map.entry("POST /api/session", EVERYONE),
            Map.entry("GET /api/statistics", EVERYONE),
            Map.entry("GET /api/statistics/series", EVERYONE),
            Map.entry("GET /api/statistics/series.csv", EVERYONE),
            Map.entry("GET /api/timeline", EVERYONE),
            Map.entry("GET /api/timeline/series", EVERYONE),
            Map.entry("GET /api/exports/cases.csv", Set.of("evaluator", "admin")),
            Map.entry("GET /api/exports/events.csv", Set.of("evaluator", "admin")),
            Map.entry("GET /api/exports/events.xes", Set.of("evaluator", "admin")),
            Map.entry("GET /api/exports/uptake.csv", Set.of("manager", "evaluator", "admin")),
            Map.entry("GET /api/exports/gaps.csv", Set.of("manager", "evaluator", "admin")),
            Map.entry("GET /api/uptake/services", Set.of("manager", "evaluator", "admin")),
            Map.entry("GET /api/uptake/organisations", Set.of("manager", "evaluator", "admin")),
            Map.entry("GET /api/uptake/gaps", Set.of("manager", "evaluator", "admin")),
            Map.entry("GET /api/audit", Set.of("auditor", "admin")),
            Map.entry("GET /api/audit/reads", Set.of("auditor", "admin")),
            Map.entry("GET /api/audit/reads/verification", Set.of("auditor", "admin")),
            Map.entry("GET /api/audit/logins", Set.of("auditor", "admin")),
            Map.entry("GET /api/admin/projections", Set.of("admin")),
            Map.entry("GET /api/admin/projections/live", Set.of("admin")),
            Map.entry("POST /api/admin/projections/{name}/rebuild", Set.of("admin")),
            Map.entry("GET /api/admin/dead-letters", Set.of("admin")),
            Map.entry("POST /api/admin/dead-letters/{group}/retry", Set.of("admin")),
            Map.entry("DELETE /api/admin/dead-letters/{group}/{sequenceId}", Set.of("admin"))));

    /** Lines that only a password login may call (a token may not renew itself): the matrix calls them so. */
    static final Set<String> PASSWORD_ONLY = Set.of("POST /api/session");

    /**
     * Lines the matrix calls again with each role's password (and HEAD on them): reads, a command and a live view,
     * where each role is both let through and refused.
     */
    static final Set<String> PASSWORD_SAMPLE = Set.of("GET /api/me", "POST /api/referrals",
            "GET /api/waiting-list/live", "GET /api/exports/cases.csv", "GET /api/audit", "GET /api/admin/projections");

    private final ObjectMapper json = new ObjectMapper();
    ConfigurableApplicationContext app;
    RestClient client;
    final HttpClient http = HttpClient.newHttpClient();
    /** Each role's Authorization header: its session token. */
    final Map<String, String> tokens = new TreeMap<>();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = TestSystem.start(dataDir);
        String base = TestSystem.baseUrl(app);
        client = TestSystem.anonymous(base);
        EVERYONE.forEach(user -> tokens.put(user, "Bearer " + TestSystem.sessionToken(base, user)));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void every_endpoint_of_the_api_has_a_rule_and_every_rule_an_endpoint() {
        List<String> endpoints = new ArrayList<>();
        app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().keySet()
                .forEach(mapping -> mapping.getPatternValues().stream().filter(path -> path.startsWith("/api"))
                        .forEach(path -> mapping.getMethodsCondition().getMethods()
                                .forEach(method -> endpoints.add(method + " " + path))));
        assertThat(endpoints).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    @TestFactory
    Stream<DynamicTest> every_role_gets_exactly_the_access_its_line_gives() {
        return ALLOWED.keySet().stream().flatMap(endpoint -> Stream.concat(Stream.of((String) null),
                EVERYONE.stream().sorted()).map(user -> DynamicTest.dynamicTest(
                endpoint + " as " + (user == null ? "nobody" : user),
                () -> expectAccess(endpoint, user, authorization(endpoint, user)))));
    }

    @TestFactory
    Stream<DynamicTest> a_password_login_gets_the_access_its_line_gives() {
        assertThat(ALLOWED.keySet()).containsAll(PASSWORD_SAMPLE);
        return PASSWORD_SAMPLE.stream().sorted().flatMap(endpoint -> EVERYONE.stream().sorted().map(user ->
                DynamicTest.dynamicTest(endpoint + " as " + user + " with the password",
                        () -> expectAccess(endpoint, user, password(user)))));
    }

    /** HEAD is refused on every endpoint, whatever the role: no GET answers without its scope check and its record. */
    @TestFactory
    Stream<DynamicTest> head_is_refused_on_every_endpoint_whatever_the_role() {
        return ALLOWED.keySet().stream().filter(endpoint -> endpoint.startsWith("GET ")).sorted()
                .flatMap(endpoint -> EVERYONE.stream().sorted().map(user -> DynamicTest.dynamicTest(
                        "HEAD " + endpoint.substring(4) + " as " + user, () -> assertThat(
                                head(endpoint, PASSWORD_SAMPLE.contains(endpoint) ? password(user) : tokens.get(user)))
                                .isEqualTo(403))));
    }

    private static final String ROLE_REFUSED = "403 Your role does not allow this request";

    private void expectAccess(String endpoint, String user, String authorization)
            throws IOException, InterruptedException {
        String answer = call(endpoint, authorization);
        if (user == null) {
            assertThat(answer).startsWith("401 ");
        } else if (ALLOWED.get(endpoint).contains(user)) {
            assertThat(answer).doesNotStartWith("401 ").isNotEqualTo(ROLE_REFUSED);
        } else {
            assertThat(answer).isEqualTo(ROLE_REFUSED);
        }
    }

    /** None for nobody; otherwise the role's token, or its password where a token may not call. */
    private String authorization(String endpoint, String user) {
        return user == null ? null : PASSWORD_ONLY.contains(endpoint) ? password(user) : tokens.get(user);
    }

    private static String password(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo")
                .getBytes(StandardCharsets.UTF_8));
    }

    private int head(String endpoint, String authorization) {
        return client.head().uri(endpoint.substring(4).replaceAll("\\{[^}]+}", "x1"))
                .header("Authorization", authorization)
                .exchange((request, response) -> response.getStatusCode().value());
    }

    /** The status and the problem's detail, for a call with this Authorization header (none if null). */
    private String call(String endpoint, String authorization) throws IOException, InterruptedException {
        String[] methodAndPath = endpoint.split(" ", 2);
        String path = methodAndPath[1].replaceAll("\\{[^}]+}", "x1");
        if (path.endsWith("/live")) {
            return callLive(path, authorization);
        }
        var request = client.method(HttpMethod.valueOf(methodAndPath[0])).uri(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (!methodAndPath[0].equals("GET")) {
            request.contentType(MediaType.APPLICATION_JSON).body("{}");
        }
        return request.exchange((req, response) -> response.getStatusCode().value() + " "
                + (response.getStatusCode().isError() ? json.readTree(response.getBody()).path("detail").asText() : ""));
    }

    /** A live view's stream does not end by itself (RestClient would wait to drain it): its status, closed unread. */
    private String callLive(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSystem.baseUrl(app) + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            return status + " " + (status >= 400 ? json.readTree(body).path("detail").asText() : "");
        }
    }
}
