package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.clw.ledger.events.ProgrammeCalendar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Who sees and changes a person, a worker and the caseloads, through the whole system (issue 15, findings 2, 3, 4, 6
 * and 12). The demo manager manages gp-40001 (not gp-50001); the demo worker is lw-001, who covers gp-40001.
 * P800001 was registered by an admin and referred at gp-50001, where lw-other holds the case; lw-colleague also covers
 * gp-40001.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipantVisibilityTest {

    private static final String DETAILS = """
            {"participantId":"%s","personalDetails":{"givenName":"Morag","familyName":"%s","postcode":"G31 9ZZ",
              "phone":"07700 900417"},
             "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""";

    private final ObjectMapper json = new ObjectMapper();
    ConfigurableApplicationContext app;
    String base;
    /** Each user's client, logged in once: a password on every request would cost a bcrypt check each time. */
    final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    @BeforeAll
    void aCaseAtASettingTheManagerDoesNotManage(@TempDir Path dataDir) {
        app = TestSystem.start(dataDir);
        base = TestSystem.baseUrl(app);
        for (String setting : new String[] {"gp-40001", "gp-50001"}) {
            send("admin", "POST", "/api/settings", """
                    {"settingId":"%s","name":"Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}"""
                    .formatted(setting));
        }
        send("admin", "POST", "/api/links-workers", """
                {"workerId":"lw-001","name":"Jo Links","settings":["gp-40001"],"capacity":30}""");
        send("admin", "POST", "/api/links-workers", """
                {"workerId":"lw-other","name":"Sam Other","settings":["gp-50001"],"capacity":30}""");
        send("admin", "POST", "/api/links-workers", """
                {"workerId":"lw-colleague","name":"Ali Colleague","settings":["gp-40001"],"capacity":30}""");
        send("admin", "POST", "/api/participants", DETAILS.formatted("P800001", "Fakename"));
        send("admin", "POST", "/api/referrals", """
                {"referralId":"ref-elsewhere","participantId":"P800001","settingId":"gp-50001","needs":["DEBT"],
                 "primaryNeed":"DEBT","route":"GP","consentRecorded":true}""");
        send("admin", "POST", "/api/referrals/ref-elsewhere/acceptance", null);
        send("admin", "POST", "/api/referrals/ref-elsewhere/allocation", "{\"workerId\":\"lw-other\"}");
        eventually("auditor", "/api/participants/P800001", person -> person.path("referralIds").size() == 1);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_referral_does_not_open_a_person_the_manager_could_not_see() {
        assertThat(answer("manager", "GET", "/api/participants/P800001", null)).startsWith("404 ");

        String unseen = answer("manager", "POST", "/api/referrals", referral("P800001", "gp-40001"));
        String unknown = answer("manager", "POST", "/api/referrals", referral("P899999", "gp-40001"));

        assertThat(unseen).isEqualTo(unknown.replace("P899999", "P800001")).startsWith("409 ");
        assertThat(answer("manager", "GET", "/api/participants/P800001", null)).startsWith("404 ");
        assertThat(answer("manager", "PUT", "/api/participants/P800001/details", """
                {"personalDetails":{"givenName":"Someone","familyName":"Else"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""")).startsWith("404 ");
        assertThat(send("auditor", "GET", "/api/participants/P800001", null).get("referralIds"))
                .hasSize(1);
    }

    @Test
    void a_person_with_no_allocated_case_is_seen_and_changed_only_by_whoever_registered_them() {
        send("worker", "POST", "/api/participants", DETAILS.formatted("P800002", "Fakename"));
        send("admin", "POST", "/api/participants", DETAILS.formatted("P800003", "Fakename"));
        eventually("auditor", "/api/participants/P800003", person -> true);

        assertThat(eventually("worker", "/api/participants/P800002", person -> true)
                .at("/personalDetails/phone").asText()).isEqualTo("07700 900417");
        assertThat(answer("manager", "GET", "/api/participants/P800002", null))
                .isEqualTo("404 Unknown id P800002");
        assertThat(answer("worker", "GET", "/api/participants/P800003", null))
                .isEqualTo("404 Unknown id P800003");
        assertThat(answer("worker", "PUT", "/api/participants/P800003/details", """
                {"personalDetails":{"givenName":"Someone","familyName":"Else"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""")).isEqualTo("404 Unknown id P800003");

        assertThat(answer("worker", "POST", "/api/referrals", """
                {"referralId":"ref-registered","participantId":"P800002","settingId":"gp-40001","needs":["DEBT"],
                 "primaryNeed":"DEBT","route":"SELF","consentRecorded":true}""")).startsWith("201 ");
        eventually("worker", "/api/participants/P800002", person -> person.path("referralIds").size() == 1);
        send("admin", "POST", "/api/referrals/ref-registered/acceptance", null);
        send("admin", "POST", "/api/referrals/ref-registered/allocation", "{\"workerId\":\"lw-colleague\"}");
        eventually("auditor", "/api/cases/ref-registered",
                summary -> "lw-colleague".equals(summary.path("workerId").asText()));

        assertThat(answer("worker", "GET", "/api/participants/P800002", null))
                .isEqualTo("404 Unknown id P800002");
        assertThat(answer("manager", "GET", "/api/participants/P800002", null)).startsWith("200 ");
    }

    @Test
    void registering_an_unseen_id_again_answers_the_same_whatever_the_details() {
        String right = answer("manager", "POST", "/api/participants", DETAILS.formatted("P800001", "Fakename"));
        String wrong = answer("manager", "POST", "/api/participants", DETAILS.formatted("P800001", "Guessname"));

        assertThat(right).isEqualTo(wrong)
                .isEqualTo("409 Participant P800001 already exists with different content");
        assertThat(answer("admin", "POST", "/api/participants", DETAILS.formatted("P800001", "Fakename")))
                .startsWith("201 ");
    }

    @Test
    void a_manager_may_not_change_a_worker_who_also_serves_a_setting_they_do_not_manage() {
        send("admin", "POST", "/api/links-workers", """
                {"workerId":"lw-shared","name":"Kim Shared","settings":["gp-40001","gp-50001"],"capacity":30}""");

        assertThat(answer("manager", "PUT", "/api/links-workers/lw-shared/settings", "{\"settings\":[\"gp-40001\"]}"))
                .startsWith("403 ");
        assertThat(answer("manager", "PUT", "/api/links-workers/lw-shared/capacity", "{\"capacity\":5}"))
                .startsWith("403 ");
        assertThat(answer("manager", "POST", "/api/links-workers/lw-shared/deactivation", null)).startsWith("403 ");
        assertThat(answer("manager", "PUT", "/api/links-workers/lw-001/capacity", "{\"capacity\":31}"))
                .startsWith("202 ");

        JsonNode shared = eventually("admin", "/api/links-workers/lw-shared/caseload", caseload -> true);
        assertThat(shared.at("/worker/settings")).hasSize(2);
        assertThat(shared.at("/worker/capacity").asInt()).isEqualTo(30);
        assertThat(shared.at("/worker/active").asBoolean()).isTrue();
    }

    @Test
    void the_timeline_shows_each_role_only_the_caseloads_it_may_see() {
        send("admin", "POST", "/api/participants", DETAILS.formatted("P800004", "Fakename"));
        send("admin", "POST", "/api/referrals", """
                {"referralId":"ref-mine","participantId":"P800004","settingId":"gp-40001","needs":["DEBT"],
                 "primaryNeed":"DEBT","route":"GP","consentRecorded":true}""");
        send("admin", "POST", "/api/referrals/ref-mine/acceptance", null);
        send("admin", "POST", "/api/referrals/ref-mine/allocation", "{\"workerId\":\"lw-001\"}");
        String today = "/api/timeline?asOf=" + LocalDate.now(ProgrammeCalendar.ZONE);
        eventually("auditor", today, timeline -> timeline.at("/caseloadPerWorker/lw-001").asInt() == 1
                && timeline.at("/caseloadPerWorker/lw-other").asInt() == 1);

        assertThat(workersIn(send("worker", "GET", today, null))).containsExactly("lw-001");
        assertThat(workersIn(send("manager", "GET", today, null))).contains("lw-001").doesNotContain("lw-other");
        JsonNode evaluators = send("evaluator", "GET", today, null);
        assertThat(evaluators.get("caseloadPerWorker")).isEmpty();
        assertThat(evaluators.path("openCases").isNumber())
                .as("a handful of open cases is a small number, withheld from evaluators").isFalse();
    }

    private static List<String> workersIn(JsonNode timeline) {
        List<String> workers = new ArrayList<>();
        timeline.get("caseloadPerWorker").fieldNames().forEachRemaining(workers::add);
        return workers;
    }

    private static String referral(String participant, String setting) {
        return """
                {"participantId":"%s","settingId":"%s","needs":["DEBT"],"primaryNeed":"DEBT","route":"SELF",
                 "consentRecorded":true}""".formatted(participant, setting);
    }

    /** The status and, for an error, the problem's detail. */
    private String answer(String user, String method, String uri, String body) {
        var request = client(user).method(HttpMethod.valueOf(method)).uri(uri);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, response) -> response.getStatusCode().value() + " "
                + (response.getStatusCode().isError() ? json.readTree(response.getBody()).path("detail").asText() : ""));
    }

    private JsonNode send(String user, String method, String uri, String body) {
        var request = client(user).method(HttpMethod.valueOf(method)).uri(uri);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().body(JsonNode.class);
    }

    private RestClient client(String user) {
        return clients.computeIfAbsent(user, ignored -> TestSystem.loggedIn(base, user));
    }

    private JsonNode eventually(String user, String uri, Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = client(user).get().uri(uri).exchange((request, response) ->
                    response.getStatusCode().is2xxSuccessful() ? response.bodyTo(JsonNode.class) : null);
            return last[0] != null && ready.test(last[0]);
        });
        return last[0];
    }
}
