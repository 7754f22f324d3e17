package org.clw.ledger.standalone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.clw.ledger.events.ProgrammeCalendar;
import org.clw.ledger.standalone.StandaloneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone system in a child JVM under sustained command load, killed with SIGKILL mid-load and restarted on
 * the same data directory: every command that was acknowledged with a 2xx is in the event store, none twice, and
 * once the projections have caught up the read models are the same as a fresh replay of the store gives. Then it is
 * killed again in the middle of rebuilding the cases and the read models derived from them (statistics among
 * them), with their writes carried over several batches (write-behind), and after the restart they are the same
 * again.
 */
class CrashSafetyTest {

    private static final int CLIENTS = 6;
    /** Cases acknowledged before the kill: counted, not timed, so a busy machine only makes the test slower. */
    private static final int CASES_BEFORE_KILL = 40;
    private static final LocalDate TODAY = LocalDate.now(ProgrammeCalendar.ZONE);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    /**
     * Each user's session token from the process now running (each start signs with a key of its own): a password
     * on every request would cost a bcrypt check each time, and the load would be mostly password checks.
     */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @Test
    void every_acknowledged_command_survives_a_sigkill_and_the_read_models_match_a_fresh_replay(
            @TempDir Path dataDir) throws Exception {
        int port = freePort();
        Process app = start(dataDir, port);
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        try {
            awaitReady(port);
            send(port, "admin", "POST", "/api/settings", """
                    {"settingId":"gp-40001","name":"Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}""");
            send(port, "admin", "POST", "/api/links-workers", """
                    {"workerId":"lw-001","name":"Jo Links","settings":["gp-40001"],"capacity":500}""");
            send(port, "admin", "POST", "/api/participants", """
                    {"participantId":"P900001","personalDetails":{"givenName":"Morag","familyName":"Demo-Crash"},
                     "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""");

            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            IntStream.range(0, CLIENTS).forEach(client -> clients.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    String id = "ref-crash-" + client + "-" + n;
                    if (!acknowledged(port, "POST", "/api/referrals", """
                            {"referralId":"%s","participantId":"P900001","settingId":"gp-40001","needs":["DEBT"],
                             "primaryNeed":"DEBT","route":"SELF","consentRecorded":true}""".formatted(id))) {
                        return;
                    }
                    acknowledged.put(id, 1);
                    if (acknowledged(port, "POST", "/api/referrals/" + id + "/acceptance", null)) {
                        acknowledged.put(id, 2);
                    } else {
                        return;
                    }
                }
            }));
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> acknowledged.size() >= CASES_BEFORE_KILL);
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).as("cases acknowledged before the kill").hasSizeGreaterThanOrEqualTo(CASES_BEFORE_KILL);

        Process restarted = start(dataDir, port);
        try {
            awaitReady(port);
            for (Map.Entry<String, Integer> command : acknowledged.entrySet()) {
                JsonNode history = send(port, "auditor", "GET", "/api/cases/" + command.getKey() + "/history", null);
                List<String> types = history.findValuesAsText("type");
                assertThat(types).as(command.getKey()).startsWith(
                        command.getValue() == 1 ? new String[] {"ReferralReceived"}
                                : new String[] {"ReferralReceived", "ReferralAccepted"});
                assertThat(types).as(command.getKey()).doesNotHaveDuplicates();
                assertThat(history.findValuesAsText("sequence")).as(command.getKey())
                        .containsExactlyElementsOf(IntStream.range(0, types.size()).mapToObj(String::valueOf).toList());
            }
            Map<String, String> caught = casesAndStatistics(port);
            send(port, "admin", "POST", "/api/admin/projections/cases/rebuild", null);
            awaitReplayed(port);
            assertThat(casesAndStatistics(port)).isEqualTo(caught);
            System.out.printf("Crash safety: %d cases acknowledged (%d commands) before SIGKILL, all found after "
                    + "restart%n", acknowledged.size(), acknowledged.values().stream().mapToInt(i -> i).sum());

            // Killed again as soon as the rebuild has reset the cases (statistics included) and started replaying (batches of
            // five events, so the replay is still under way: no poll that a fast replay could outrun).
            send(port, "admin", "POST", "/api/admin/projections/cases/rebuild", null);
            restarted.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Process again = start(dataDir, port);
            try {
                awaitReady(port);
                awaitReplayed(port);
                assertThat(casesAndStatistics(port)).isEqualTo(caught);
            } finally {
                again.destroy();
                again.waitFor(60, TimeUnit.SECONDS);
            }
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Every case of the practice with its status and version, and the programme's statistics, as JSON text. */
    private Map<String, String> casesAndStatistics(int port) throws Exception {
        Map<String, String> state = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode cases = send(port, "admin", "GET", "/api/cases?setting=gp-40001&size=200&page=" + page, null);
            cases.get("items").forEach(c -> state.put(c.get("referralId").asText(),
                    c.get("status").asText() + "@" + c.get("version").asText()));
            if (cases.get("items").size() < 200) {
                break;
            }
        }
        state.put("statistics", send(port, "admin", "GET",
                "/api/statistics?from=%s&to=%s".formatted(TODAY.minusDays(1), TODAY.plusDays(1)), null)
                .get("statistics").toString());
        return state;
    }

    private void awaitReplayed(int port) {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode projections = send(port, "admin", "GET", "/api/admin/projections", null);
            for (JsonNode projection : projections) {
                if (projection.get("replaying").asBoolean() || projection.get("lag").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    private Process start(Path dataDir, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                StandaloneApplication.class.getName(), "--spring.profiles.active=development", "--server.port=" + port, "--clw.data-dir=" + dataDir,
                "--axon.eventhandling.processors.cases.batch-size=5",
                // Write-behind on this short history: batches carried until within ten events of the head, at most
                // forty, so that a kill during the catch-up after a restart can land while changes are carried (not
                // checked: the convergence asserted holds either way).
                "--clw.projections.write-behind.margin=10", "--clw.projections.write-behind.max-events=40")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()))
                .start();
    }

    /** Ready, and logged in as the users the test calls as. */
    private void awaitReady(int port) throws Exception {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200);
        tokens.clear();
        for (String user : List.of("admin", "auditor")) {
            HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/session")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(session.statusCode()).as("login of %s: %s", user, session.body()).isEqualTo(200);
            tokens.put(user, "Bearer " + json.readTree(session.body()).path("token").asText());
        }
    }

    /** False once the application no longer answers (killed); a refusal fails the test. */
    private boolean acknowledged(int port, String method, String path, String body) {
        try {
            HttpResponse<String> response = http.send(request(port, "admin", method, path, body),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
            return true;
        } catch (IOException killed) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode send(int port, String user, String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(request(port, user, method, path, body),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }

    private HttpRequest request(int port, String user, String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", tokens.get(user))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
