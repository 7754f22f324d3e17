package org.clw.ledger.standalone;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.clw.ledger.events.ProgrammeCalendar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * A participant's life in the system with known personal details: registered and referred by the demo links worker,
 * read by the demo manager, erased by an admin. The details are sealed wherever they are stored, readable only
 * through the API while the key exists, gone from every read model after erasure, and never in a log line; the
 * history, its hash chain, the case and the statistics survive the erasure; every read is in the read-access log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class PrivacyTest {

    private static final List<String> PERSONAL = List.of("Ishbel", "Zyxwanderly", "0101011237", "1961-01-01",
            "G31 9QX", "07700 900461", "shares a flat with her brother");

    ConfigurableApplicationContext app;
    String base;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = TestSystem.start(dataDir, "--logging.level.org.clw.ledger=debug",
                "--logging.level.org.axonframework=info");
        base = TestSystem.baseUrl(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void personal_details_are_sealed_readable_by_the_right_people_and_erased_everywhere_but_the_history(
            CapturedOutput output) {
        send("admin", "POST", "/api/settings", """
                {"settingId":"gp-40001","name":"Parkhead Medical Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}""");
        send("admin", "POST", "/api/links-workers", """
                {"workerId":"lw-001","name":"Jo Links","settings":["gp-40001"],"capacity":30}""");
        String person = send("worker", "POST", "/api/participants", """
                {"personalDetails":{"givenName":"Ishbel","familyName":"Zyxwanderly","chiNumber":"0101011237",
                  "dateOfBirth":"1961-01-01","postcode":"G31 9QX","phone":"07700 900461",
                  "notes":"shares a flat with her brother"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_65_74","simdDecile":1}}""").get("id").asText();
        send("worker", "POST", "/api/referrals", """
                {"referralId":"ref-private","participantId":"%s","settingId":"gp-40001","needs":["HOUSING"],
                 "primaryNeed":"HOUSING","route":"GP","consentRecorded":true}""".formatted(person));
        send("manager", "POST", "/api/referrals/ref-private/acceptance", null);
        send("manager", "POST", "/api/referrals/ref-private/allocation", "{\"workerId\":\"lw-001\"}");

        JsonNode details = eventually("manager", "/api/participants/" + person,
                body -> body.path("referralIds").size() == 1).path("personalDetails");
        assertThat(details.get("familyName").asText()).isEqualTo("Zyxwanderly");
        assertThat(details.get("chiNumber").asText()).isEqualTo("0101011237");
        assertThat(details.get("notes").asText()).isEqualTo("shares a flat with her brother");
        assertThat(status("evaluator", "/api/participants/" + person)).isEqualTo(403);
        assertThat(storedAnywhere()).as("clear details in the event store or a read model").isEmpty();

        JsonNode caseBefore = eventually("auditor", "/api/cases/ref-private",
                body -> "ALLOCATED".equals(body.path("status").asText()));
        JsonNode erasure = send("admin", "POST", "/api/participants/" + person + "/erasure",
                "{\"reason\":\"DATA_SUBJECT_REQUEST\"}");
        assertThat(erasure.get("version").asLong()).isEqualTo(1);

        JsonNode erased = eventually("manager", "/api/participants/" + person, body -> body.path("erased").asBoolean());
        assertThat(erased.get("personalDetails").isNull()).isTrue();
        assertThat(erased.get("demographics").get("ageBand").asText()).isEqualTo("AGE_65_74");
        JsonNode history = send("auditor", "GET", "/api/participants/" + person + "/history", null);
        assertThat(history.findValuesAsText("type"))
                .containsExactly("ParticipantRegistered", "ParticipantErased");
        assertThat(history.get(0).at("/payload/personalDetails/erased").asBoolean()).isTrue();
        assertThat(history.get(1).at("/metadata/reason").asText()).isEqualTo("DATA_SUBJECT_REQUEST");
        assertThat(send("auditor", "GET", "/api/participants/" + person + "/history/verification", null)
                .get("intact").asBoolean()).isTrue();
        assertThat(send("auditor", "GET", "/api/cases/ref-private/history/verification", null)
                .get("intact").asBoolean()).isTrue();
        assertThat(send("auditor", "GET", "/api/cases/ref-private", null).get("status"))
                .isEqualTo(caseBefore.get("status"));
        LocalDate today = LocalDate.now(ProgrammeCalendar.ZONE);
        // Exactly, as an admin sees it (an evaluator sees a count of one withheld, see StatisticsDisclosureTest).
        assertThat(send("admin", "GET", "/api/statistics?from=%s&to=%s".formatted(today.minusDays(1), today), null)
                .at("/statistics/referrals/received").asInt()).isEqualTo(1);
        assertThat(app.getBean(MongoOperations.class).findById(person, Document.class, "participants")
                .get("personalDetails")).isNull();

        assertThat(status("worker", "POST", "/api/referrals", """
                {"participantId":"%s","settingId":"gp-40001","needs":["DEBT"],"primaryNeed":"DEBT","route":"SELF",
                 "consentRecorded":true}""".formatted(person))).isEqualTo(409);
        assertThat(status("worker", "PUT", "/api/participants/" + person + "/details", """
                {"personalDetails":{"givenName":"Ishbel","familyName":"Zyxwanderly"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_65_74"}}""")).isEqualTo(409);

        JsonNode reads = send("auditor", "GET", "/api/audit/reads?from=%s&to=%s&participant=%s"
                .formatted(today.minusDays(1), today.plusDays(1), person), null);
        assertThat(reads.get("items").findValuesAsText("actorId")).containsOnly("manager", "auditor");
        assertThat(reads.get("items").findValuesAsText("endpoint")).contains("/api/participants/{participantId}",
                "/api/participants/{participantId}/history");
        assertThat(reads.get("items").findValuesAsText("status")).contains("200");
        assertThat(status("auditor", "POST", "/api/audit/reads", "{}")).isIn(403, 405);

        assertThat(output.getAll()).as("log output").doesNotContain(PERSONAL);
    }

    /** The personal details found in clear in the stored events (payloads and metadata) or any MongoDB document. */
    private List<String> storedAnywhere() {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        MongoOperations mongo = app.getBean(MongoOperations.class);
        String everything = jdbc.query("SELECT payload, metaData FROM DomainEventEntry",
                        (row, n) -> new String(row.getBytes(1), UTF_8) + new String(row.getBytes(2), UTF_8)).stream()
                .reduce("", String::concat)
                + mongo.getCollectionNames().stream()
                .flatMap(name -> mongo.findAll(Document.class, name).stream().map(Document::toJson))
                .reduce("", String::concat);
        return PERSONAL.stream().filter(everything::contains).toList();
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

    private JsonNode send(String user, String method, String uri, String json) {
        var request = client(user).method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().body(JsonNode.class);
    }

    private int status(String user, String uri) {
        return status(user, "GET", uri, null);
    }

    private int status(String user, String method, String uri, String json) {
        var request = client(user).method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange((req, response) -> response.getStatusCode().value());
    }

    private RestClient client(String user) {
        return TestSystem.demoUser(base, user);
    }
}
