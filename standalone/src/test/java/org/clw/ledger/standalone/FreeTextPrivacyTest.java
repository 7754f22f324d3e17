package org.clw.ledger.standalone;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * Free text about a person travels sealed and goes with their erasure (issue 15, finding 9): a closure summary and
 * an onward referral's organisation are stored only under the participant's key, shown to those who may read the
 * case, and withheld once the person is erased; a client's correlation id never reaches the evaluators' exports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreeTextPrivacyTest {

    private static final String ORGANISATION = "Garnethill Zyxrefuge for Women";
    private static final String SUMMARY = "Moved in with her sister Zyxwanda in Dennistoun";
    private static final String CORRELATION = "ishbel.zyxwanderly-0101011237";

    ConfigurableApplicationContext app;
    String base;

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
    void free_text_is_sealed_shown_to_case_readers_and_withheld_after_erasure_and_correlation_ids_stay_out_of_exports() {
        send("admin", "POST", "/api/settings", """
                {"settingId":"gp-40001","name":"Parkhead Medical Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}""");
        send("admin", "POST", "/api/links-workers", """
                {"workerId":"lw-001","name":"Jo Links","settings":["gp-40001"],"capacity":30}""");
        String person = send("worker", "POST", "/api/participants", """
                {"personalDetails":{"givenName":"Ishbel","familyName":"Zyxwanderly"},
                 "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44","simdDecile":1}}""").get("id").asText();
        send("worker", "POST", "/api/referrals", """
                {"referralId":"ref-text","participantId":"%s","settingId":"gp-40001","needs":["HOUSING"],
                 "primaryNeed":"HOUSING","route":"GP","consentRecorded":true}""".formatted(person));
        send("manager", "POST", "/api/referrals/ref-text/acceptance", null);
        send("manager", "POST", "/api/referrals/ref-text/allocation", "{\"workerId\":\"lw-001\"}");
        send("worker", "POST", "/api/referrals/ref-text/onward-referrals", """
                {"organisation":"%s","need":"HOUSING","kind":"REFERRAL"}""".formatted(ORGANISATION));
        send("worker", "POST", "/api/referrals/ref-text/closure", """
                {"reason":"GOALS_MET","summary":"%s"}""".formatted(SUMMARY));

        JsonNode closedCase = eventually("manager", "/api/cases/ref-text",
                body -> "CLOSED".equals(body.path("status").asText()));
        assertThat(closedCase.at("/onwardReferrals/0/organisation").asText()).isEqualTo(ORGANISATION);
        assertThat(closedCase.at("/onwardReferrals/0/organisationWithheld").asBoolean()).isFalse();
        JsonNode history = send("auditor", "GET", "/api/cases/ref-text/history", null);
        assertThat(payloadOf(history, "CaseClosed").get("summary").asText()).isEqualTo(SUMMARY);
        assertThat(payloadOf(history, "OnwardReferralMade").get("organisation").asText()).isEqualTo(ORGANISATION);
        assertThat(storedAnywhere()).as("free text or the correlation id in clear in the stores").isEmpty();

        String events = text("evaluator", "/api/exports/events.csv");
        assertThat(events).doesNotContain(CORRELATION, "zyxwanderly");
        List<String> pseudonyms = events.lines().filter(row -> row.startsWith("ref-text,"))
                .map(row -> row.split(",", -1)[6]).toList();
        assertThat(pseudonyms).isNotEmpty().allMatch(pseudonym -> pseudonym.matches("c-[A-Za-z0-9_-]{16}"));
        assertThat(pseudonyms).as("every request sent the same correlation id, so one pseudonym")
                .containsOnly(pseudonyms.get(0));

        send("admin", "POST", "/api/participants/" + person + "/erasure", "{\"reason\":\"DATA_SUBJECT_REQUEST\"}");

        JsonNode erasedCase = send("manager", "GET", "/api/cases/ref-text", null);
        assertThat(erasedCase.at("/onwardReferrals/0/organisation").isNull()).isTrue();
        assertThat(erasedCase.at("/onwardReferrals/0/organisationWithheld").asBoolean()).isTrue();
        JsonNode erasedHistory = send("auditor", "GET", "/api/cases/ref-text/history", null);
        assertThat(payloadOf(erasedHistory, "CaseClosed").at("/summary/withheld").asBoolean()).isTrue();
        assertThat(payloadOf(erasedHistory, "OnwardReferralMade").at("/organisation/withheld").asBoolean()).isTrue();
        assertThat(erasedHistory.toString()).doesNotContain(SUMMARY, ORGANISATION);
        assertThat(send("auditor", "GET", "/api/cases/ref-text/history/verification", null).get("intact")
                .asBoolean()).isTrue();
        assertThat(text("evaluator", "/api/exports/events.csv")).doesNotContain(CORRELATION);
    }

    private static JsonNode payloadOf(JsonNode history, String type) {
        for (JsonNode entry : history) {
            if (type.equals(entry.get("type").asText())) {
                return entry.get("payload");
            }
        }
        throw new AssertionError("No " + type + " in " + history);
    }

    /** The free text and the client's correlation id as found in clear in the event store or any MongoDB document. */
    private List<String> storedAnywhere() {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        MongoOperations mongo = app.getBean(MongoOperations.class);
        String payloads = jdbc.query("SELECT payload FROM DomainEventEntry",
                (row, n) -> new String(row.getBytes(1), UTF_8)).stream().reduce("", String::concat);
        String documents = mongo.getCollectionNames().stream()
                .flatMap(name -> mongo.findAll(Document.class, name).stream().map(Document::toJson))
                .reduce("", String::concat);
        return List.of(ORGANISATION, SUMMARY).stream()
                .filter(text -> payloads.contains(text) || documents.contains(text)).toList();
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
        var request = client(user).method(HttpMethod.valueOf(method)).uri(uri)
                .header("X-Correlation-Id", CORRELATION);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().body(JsonNode.class);
    }

    private String text(String user, String uri) {
        return client(user).get().uri(uri).retrieve().body(String.class);
    }

    private RestClient client(String user) {
        return TestSystem.demoUser(base, user);
    }
}
