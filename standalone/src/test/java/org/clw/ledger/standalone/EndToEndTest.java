package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.clw.ledger.events.ProgrammeCalendar;

/**
 * Commands through the REST command API, then the query API: the case, the caseload, the waiting list and the
 * statistics follow, eventually (waited for, never slept for).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {

    ConfigurableApplicationContext app;
    String base;
    RestClient manager;
    RestClient worker;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = TestSystem.start(dataDir);
        base = TestSystem.baseUrl(app);
        manager = TestSystem.demoUser(base, "manager");
        worker = TestSystem.demoUser(base, "worker");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_case_worked_through_the_command_api_shows_up_in_every_read_model() {
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant nextWeek = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        post(manager, "/api/settings", """
                {"settingId":"gp-40001","name":"Possilpark Health Centre","type":"GP_PRACTICE",
                 "hscp":"GLASGOW_CITY","practiceCode":"43210","deepEnd":true}""");
        post(manager, "/api/links-workers", """
                {"workerId":"lw-001","name":"Jo Links","settings":["gp-40001"],"capacity":30}""");
        String person = post(worker, "/api/participants", """
                {"personalDetails":{"givenName":"Morag","familyName":"Fakename"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_45_54","simdDecile":1}}""").get("id").asText();
        post(worker, "/api/referrals", """
                {"referralId":"ref-e2e-1","participantId":"%s","settingId":"gp-40001","needs":["FUEL_POVERTY","DEBT"],
                 "primaryNeed":"FUEL_POVERTY","route":"GP","consentRecorded":true,"receivedAt":"%s"}"""
                .formatted(person, lastWeek));
        post(worker, "/api/referrals", """
                {"referralId":"ref-e2e-2","participantId":"%s","settingId":"gp-40001","needs":["LONELINESS_ISOLATION"],
                 "primaryNeed":"LONELINESS_ISOLATION","route":"SELF","consentRecorded":true,"receivedAt":"%s"}"""
                .formatted(person, lastWeek));
        post(manager, "/api/referrals/ref-e2e-1/acceptance", null);
        post(manager, "/api/referrals/ref-e2e-1/allocation", "{\"workerId\":\"lw-001\"}");
        post(worker, "/api/referrals/ref-e2e-1/appointments", """
                {"appointmentId":"first","start":"%s","durationMinutes":60,"mode":"HOME_VISIT"}""".formatted(yesterday));
        post(worker, "/api/referrals/ref-e2e-1/appointments", """
                {"appointmentId":"second","start":"%s","durationMinutes":30,"mode":"PHONE"}""".formatted(nextWeek));
        post(worker, "/api/referrals/ref-e2e-1/appointments/first/attendance", "{\"attendance\":\"MISSED\"}");

        JsonNode summary = eventually("/api/cases/ref-e2e-1", body -> body.get("version").asLong() == 5);
        assertThat(summary.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(summary.get("appointmentsMissed").asInt()).isEqualTo(1);

        JsonNode caseload = eventually("/api/links-workers/lw-001/caseload",
                body -> body.get("cases").size() == 1 && !body.get("cases").get(0).get("nextAppointment").isNull());
        assertThat(caseload.get("worker").get("openCases").asInt()).isEqualTo(1);
        assertThat(caseload.get("cases").get(0).get("nextAppointment").asText()).isEqualTo(nextWeek.toString());

        JsonNode waiting = eventually("/api/waiting-list?setting=gp-40001",
                body -> body.get("referrals").get("totalItems").asInt() == 2);
        assertThat(waiting.get("referrals").get("items").findValuesAsText("daysWaiting")).containsOnly("7");

        LocalDate today = LocalDate.now(ProgrammeCalendar.ZONE);
        JsonNode statistics = eventually("/api/statistics?from=%s&to=%s&setting=gp-40001"
                .formatted(today.minusDays(30), today), body -> body.at("/statistics/appointments/missed").asInt() == 1);
        assertThat(statistics.at("/statistics/referrals/received").asInt()).isEqualTo(2);
        assertThat(statistics.at("/statistics/appointments/booked").asInt()).isEqualTo(2);
        assertThat(statistics.at("/statistics/appointments/dnaRate").asDouble()).isEqualTo(1.0);
        assertThat(statistics.at("/referralsReceivedByRoute/SELF").asInt()).isEqualTo(1);

        JsonNode health = TestSystem.anonymous(base).get().uri("/actuator/health").retrieve().body(JsonNode.class);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        String metrics = TestSystem.demoUser(base, "admin").get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).contains("http_server_requests_seconds_count{", "uri=\"/api/referrals\"");
    }

    @Test
    void the_api_description_covers_both_sides_and_is_served_with_a_ui() {
        RestClient anonymous = TestSystem.anonymous(base);
        JsonNode description = anonymous.get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        assertThat(description.get("paths").has("/api/referrals/{referralId}/closure")).isTrue();
        assertThat(description.get("paths").has("/api/timeline/series")).isTrue();
        assertThat(description.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(anonymous.get().uri("/swagger-ui/index.html").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
    }

    private JsonNode eventually(String uri, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = manager.get().uri(uri).exchange((request, response) ->
                    response.getStatusCode().is2xxSuccessful() ? response.bodyTo(JsonNode.class) : null);
            return last[0] != null && ready.test(last[0]);
        });
        return last[0];
    }

    private static JsonNode post(RestClient client, String uri, String json) {
        var request = client.post().uri(uri);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().body(JsonNode.class);
    }
}
