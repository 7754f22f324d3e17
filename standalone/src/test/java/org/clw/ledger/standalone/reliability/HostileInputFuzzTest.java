package org.clw.ledger.standalone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.clw.ledger.standalone.StandaloneApplication;
import org.clw.ledger.standalone.TestSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Thousands of malformed and hostile requests, generated from a fixed seed, to every endpoint of the API: wrong
 * types, nulls, missing and unknown fields, huge strings and arrays, deep nesting, invalid UTF-8, traversal and
 * injection strings in ids, unknown enum values, impossible dates, oversized bodies, wrong content types. Never a
 * 5xx, always a problem body, and a refused command leaves the event store as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputFuzzTest {

    private static final long SEED = 20261121L;
    private static final int REQUESTS = 2_000;
    private static final String PASSWORD = "fuzz-only";

    private static final List<String> HOSTILE_IDS = List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "x%00y",
            "%27%20OR%201%3D1--", "%7B%22%24gt%22%3A%22%22%7D", "%24where", "P000001%3Bdrop", "a".repeat(5_000),
            "%E2%80%AE", "%F0%9F%92%A9", "%FF%FE", "null", "-1", "P", "ref-%0d%0aX-Injected:1", "%C0%AF");
    private static final List<String> FIELDS = List.of("referralId", "participantId", "settingId", "workerId",
            "needs", "primaryNeed", "route", "consentRecorded", "receivedAt", "start", "durationMinutes", "mode",
            "reason", "cancelledBy", "attendance", "correctionReason", "capacity", "settings", "name", "type", "hscp",
            "practiceCode", "deepEnd", "personalDetails", "demographics", "instrument", "timepoint", "answers",
            "organisation", "need", "kind", "outcome", "summary", "overrideCapacity", "appointmentId", "$where",
            "__proto__", "actorId");
    private static final List<String> QUERY_PARAMETERS = List.of("from", "to", "asOf", "version", "page", "size",
            "setting", "worker", "status", "need", "interval", "groupBy", "hscp", "actor", "case", "participant",
            "role", "type");

    ConfigurableApplicationContext app;
    List<String[]> endpoints;
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    JdbcTemplate jdbc;
    String base;
    String authorization;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        app = new SpringApplicationBuilder(StandaloneApplication.class).profiles(TestSystem.DEVELOPMENT).run("--server.port=0",
                "--clw.data-dir=" + dataDir, "--clw.mongo.embedded=memory",
                "--clw.security.users[0].username=fuzzer", "--clw.security.users[0].role=ADMIN",
                "--clw.security.users[0].password-hash=" + hash, "--logging.level.root=error");
        base = "http://127.0.0.1:" + app.getBean(Environment.class).getProperty("local.server.port");
        jdbc = app.getBean(JdbcTemplate.class);
        // One password login, then its session token, as the dashboard does: a password on every request costs a
        // bcrypt check each time (Spring Security re-hashes a cheap hash at the encoder's own strength on first use).
        authorization = "Bearer " + sessionToken();
        endpoints = new ArrayList<>();
        app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().keySet()
                .forEach(mapping -> mapping.getPatternValues().stream().filter(path -> path.startsWith("/api"))
                        .forEach(path -> mapping.getMethodsCondition().getMethods()
                                .forEach(method -> endpoints.add(new String[] {method.name(), path}))));
        endpoints.sort(java.util.Comparator.comparing((String[] endpoint) -> endpoint[1] + endpoint[0]));
    }

    private String sessionToken() {
        try {
            HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(("fuzzer:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(session.statusCode()).isEqualTo(200);
            return json.readTree(session.body()).path("token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void no_hostile_request_gets_a_5xx_or_a_non_problem_error_or_leaves_an_event_behind() throws Exception {
        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < REQUESTS; n++) {
            String[] endpoint = endpoints.get(random.nextInt(endpoints.size()));
            String method = endpoint[0];
            String path = endpoint[1].replaceAll("\\{[^}]+}", HOSTILE_IDS.get(random.nextInt(HOSTILE_IDS.size())))
                    + (method.equals("GET") ? "?" + query(random) : "");
            byte[] body = method.equals("GET") ? null : body(random);
            String contentType = random.nextInt(10) == 0 ? "text/plain" : "application/json";
            long eventsBefore = events();
            HttpResponse<String> response = send(method, path, body, contentType);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String problem = problemIn(response);
            if (response.statusCode() >= 500 || response.statusCode() >= 400 && problem == null
                    || response.statusCode() >= 400 && !method.equals("GET") && events() != eventsBefore) {
                failures.add(method + " " + path.substring(0, Math.min(200, path.length())) + " -> "
                        + response.statusCode() + " " + response.body().substring(0,
                        Math.min(300, response.body().length())));
            }
        }
        System.out.printf("Fuzz: %d hostile requests over %d endpoints, statuses %s%n", REQUESTS, endpoints.size(),
                statuses);
        assertThat(failures).isEmpty();
        assertThat(statuses.keySet()).allSatisfy(status -> assertThat(status).isLessThan(500));
    }

    @Test
    void a_query_parameter_that_is_not_utf_8_is_a_problem_naming_it() throws Exception {
        HttpResponse<String> response = send("GET", "/api/statistics?from=%FF&to=2026-01-31", null,
                "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("from");
    }

    @Test
    void a_field_given_twice_is_refused_naming_it_and_nothing_is_stored() throws Exception {
        long before = events();
        HttpResponse<String> response = send("POST", "/api/settings", ("{\"settingId\":\"gp-49001\","
                + "\"name\":\"Parkhead Medical Practice\",\"name\":\"=cmd|' /C calc'!A0\",\"type\":\"GP_PRACTICE\","
                + "\"hscp\":\"GLASGOW_CITY\",\"practiceCode\":\"49001\",\"deepEnd\":true}")
                .getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemIn(response)).isEqualTo("400");
        assertThat(json.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("name");
        assertThat(json.readTree(response.body()).at("/errors/0/message").asText()).isEqualTo("is given more than once");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_nul_character_in_a_string_is_refused_naming_the_field_and_nothing_is_stored() throws Exception {
        long before = events();
        HttpResponse<String> response = send("POST", "/api/settings", ("{\"settingId\":\"gp-49002\","
                + "\"name\":\"Parkhead\\u0000 Medical Practice\",\"type\":\"GP_PRACTICE\","
                + "\"hscp\":\"GLASGOW_CITY\",\"practiceCode\":\"49002\",\"deepEnd\":true}")
                .getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemIn(response)).isEqualTo("400");
        assertThat(json.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("name");
        assertThat(json.readTree(response.body()).at("/errors/0/message").asText())
                .isEqualTo("must not contain a NUL character");
        assertThat(events()).isEqualTo(before);

        // The same body without the NUL is accepted: the refusal was the NUL's.
        HttpResponse<String> accepted = send("POST", "/api/settings", ("{\"settingId\":\"gp-49002\","
                + "\"name\":\"Parkhead Medical Practice\",\"type\":\"GP_PRACTICE\","
                + "\"hscp\":\"GLASGOW_CITY\",\"practiceCode\":\"49002\",\"deepEnd\":true}")
                .getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(accepted.statusCode()).isEqualTo(201);
    }

    private String query(Random random) {
        StringBuilder query = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            query.append(QUERY_PARAMETERS.get(random.nextInt(QUERY_PARAMETERS.size()))).append('=')
                    .append(pick(random, "abc", "-1", "99999999999999999999", "2026-02-30", "9999-12-31",
                            "2026-01-01T00:00:00Z", "0", "%27", "%00", "MONTH", "CARRIER_PIGEON", "a".repeat(3000),
                            "", "1e309", "%FF"))
                    .append('&');
        }
        return query.toString();
    }

    private byte[] body(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> new byte[] {(byte) 0xC3, (byte) 0x28, '{', (byte) 0xFF, '}'};
            case 1 -> "[".repeat(20_000).getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"name\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 3 -> pick(random, "null", "[]", "\"text\"", "42", "true", "", "{", "{}}", "{\"a\":}")
                    .getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{\"needs\":[" + "\"DEBT\",".repeat(50_000) + "\"DEBT\"]}").getBytes(StandardCharsets.UTF_8);
            default -> object(random, 0).getBytes(StandardCharsets.UTF_8);
        };
    }

    private String object(Random random, int depth) {
        StringBuilder object = new StringBuilder("{");
        for (int i = random.nextInt(6); i >= 0; i--) {
            object.append('"').append(FIELDS.get(random.nextInt(FIELDS.size()))).append("\":")
                    .append(value(random, depth)).append(i > 0 ? "," : "");
        }
        return object.append('}').toString();
    }

    private String value(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 9 : 11)) {
            case 0 -> "null";
            case 1 -> "-1";
            case 2 -> "9223372036854775808";
            case 3 -> "\"CARRIER_PIGEON\"";
            case 4 -> "\"+999999999-12-31T23:59:59Z\"";
            case 5 -> "\"2026-13-45\"";
            case 6 -> "\"" + "\\u0000<script>'; DROP TABLE x;--".repeat(random.nextInt(3) + 1) + "\"";
            case 7 -> "[" + "1,".repeat(random.nextInt(100)) + "\"x\"]";
            case 8 -> "true";
            case 9 -> object(random, depth + 1);
            default -> "[" + object(random, depth + 1) + "]";
        };
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    private HttpResponse<String> send(String method, String path, byte[] body, String contentType) throws Exception {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + path));
        } catch (IllegalArgumentException notAUri) {
            request = HttpRequest.newBuilder(URI.create(base + path.replace("%", "%25").replace(" ", "%20")));
        }
        request.timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        // A live view's stream does not end by itself: its status is enough, and it is closed unread.
        return http.send(request.build(), response -> response.headers().firstValue("Content-Type").orElse("")
                .startsWith("text/event-stream")
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), stream -> {
                    try (stream) {
                        return "";
                    } catch (java.io.IOException closing) {
                        return "";
                    }
                })
                : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
    }

    /** The problem's status when the body is an RFC 9457 problem, else null. */
    private String problemIn(HttpResponse<String> response) {
        boolean problemType = response.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json");
        try {
            JsonNode problem = json.readTree(response.body());
            return problemType && problem.path("status").asInt() == response.statusCode()
                    ? problem.get("status").asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
