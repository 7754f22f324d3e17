package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.events.ProgrammeCalendar;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
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
 * The community directory over HTTP: kept by admins everywhere and by a manager in the areas of the settings they
 * manage, audited like every other command, read by every role, loaded from the sample CSV idempotently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryApiTest {

    static final String ORGANISATION = """
            {"organisationId":"org-t1","name":"Test Advice (fictional)","kind":"ADVICE_SERVICE",
             "website":"https://t1.example.org"}""";
    static final String GLASGOW_SERVICE = """
            {"serviceId":"svc-t1","organisationId":"org-t1","name":"Debt clinic","description":"Drop-in",
             "needs":["DEBT"],"areas":["GLASGOW_CITY"],"programmeWide":false,"linkModes":["SIGNPOST"]}""";

    private final ObjectMapper json = new ObjectMapper();
    ConfigurableApplicationContext app;
    RestClient admin;
    RestClient manager;
    RestClient worker;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = TestSystem.start(dataDir);
        String base = TestSystem.baseUrl(app);
        admin = TestSystem.demoUser(base, "admin");
        manager = TestSystem.demoUser(base, "manager");
        worker = TestSystem.demoUser(base, "worker");
        // The manager's practice gp-40001 is in Glasgow: Glasgow is the one area they keep the directory for.
        assertThat(call(admin, HttpMethod.POST, "/api/settings", """
                {"settingId":"gp-40001","name":"Parkhead Medical Practice","type":"GP_PRACTICE",
                 "hscp":"GLASGOW_CITY","practiceCode":"40001","deepEnd":true}""")).startsWith("201");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_manager_keeps_the_services_of_their_areas_and_every_role_reads_them() throws Exception {
        assertThat(call(manager, HttpMethod.POST, "/api/directory/organisations", ORGANISATION)).startsWith("201");
        assertThat(call(manager, HttpMethod.POST, "/api/directory/organisations", ORGANISATION))
                .as("the same registration again").startsWith("201");
        assertThat(call(manager, HttpMethod.POST, "/api/directory/services", GLASGOW_SERVICE)).startsWith("201");
        assertThat(call(manager, HttpMethod.POST, "/api/directory/services",
                GLASGOW_SERVICE.replace("svc-t1", "svc-t2").replace("GLASGOW_CITY", "WEST_DUNBARTONSHIRE")))
                .startsWith("403").contains("WEST_DUNBARTONSHIRE");
        assertThat(call(manager, HttpMethod.POST, "/api/directory/services", GLASGOW_SERVICE.replace("svc-t1",
                "svc-t3").replace("\"areas\":[\"GLASGOW_CITY\"],\"programmeWide\":false", "\"programmeWide\":true")))
                .startsWith("403");
        assertThat(call(manager, HttpMethod.PUT, "/api/directory/services/svc-t1", """
                {"name":"Debt clinic","description":"Drop-in","needs":["DEBT"],
                 "areas":["GLASGOW_CITY","WEST_DUNBARTONSHIRE"],"programmeWide":false,"linkModes":["SIGNPOST"]}"""))
                .as("a change into an area the manager does not manage").startsWith("403");
        assertThat(call(admin, HttpMethod.PUT, "/api/directory/services/svc-t1", """
                {"name":"Debt clinic","description":"Drop-in and phone","needs":["DEBT","FINANCES_BENEFITS"],
                 "areas":["GLASGOW_CITY"],"programmeWide":false,"linkModes":["SIGNPOST","REFERRAL"]}"""))
                .startsWith("202");
        assertThat(call(manager, HttpMethod.POST, "/api/directory/services/svc-t1/withdrawal", null))
                .startsWith("202");
        assertThat(call(manager, HttpMethod.POST, "/api/directory/services/svc-t1/withdrawal", null))
                .startsWith("409");

        JsonNode service = eventually(worker, "/api/directory/services/svc-t1",
                body -> body.path("history").size() == 3);
        assertThat(service.get("open").asBoolean()).isFalse();
        assertThat(service.get("organisationName").asText()).isEqualTo("Test Advice (fictional)");
        assertThat(service.get("history").findValuesAsText("change")).containsExactly("ADDED", "CHANGED", "WITHDRAWN");
        LocalDate today = LocalDate.now(ProgrammeCalendar.ZONE);
        JsonNode audit = eventually(admin, "/api/audit?type=ServiceWithdrawn&from=%s&to=%s"
                .formatted(today.minusDays(1), today.plusDays(1)), body -> body.path("totalItems").asInt() > 0);
        assertThat(audit.toString()).contains("\"actorId\":\"manager\"", "SERVICE_MANAGER");
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_and_leaves_nothing_behind() throws Exception {
        assertThat(call(admin, HttpMethod.POST, "/api/directory/organisations", """
                {"organisationId":"org-bad","name":"Bad","kind":"CHARITY","email":"not an address"}"""))
                .startsWith("400").contains("email");
        assertThat(call(admin, HttpMethod.POST, "/api/directory/services", """
                {"serviceId":"svc-bad","organisationId":"org-none","name":"x","needs":["DEBT"],"programmeWide":true,
                 "linkModes":["SIGNPOST"]}""")).startsWith("409");
        assertThat(call(admin, HttpMethod.POST, "/api/directory/services", """
                {"serviceId":"svc-bad","organisationId":"org-t0","name":"x","needs":["NOT_A_NEED"],
                 "programmeWide":true,"linkModes":["SIGNPOST"]}""")).startsWith("400").contains("needs");
        assertThat(call(admin, HttpMethod.PUT, "/api/directory/services/svc-none", """
                {"name":"x","needs":["DEBT"],"programmeWide":true,"linkModes":["SIGNPOST"]}""")).startsWith("404");
        assertThat(call(worker, HttpMethod.GET, "/api/directory/organisations/org-bad", null)).startsWith("404");
    }

    @Test
    void importing_the_sample_twice_adds_it_once_then_changes_nothing() throws Exception {
        String sample = Files.readString(Path.of("..", "docs", "directory-sample.csv"));
        JsonNode first = importCsv(admin, sample);
        assertThat(first.at("/services/ADDED").asInt()).isEqualTo(5);
        assertThat(first.at("/services/REFUSED").asInt()).isZero();
        assertThat(first.get("rows").findValuesAsText("organisation"))
                .containsExactly("ADDED", "UNCHANGED", "ADDED", "ADDED", "ADDED");
        long events = storedEvents(sample);
        assertThat(events).isEqualTo(4 + 5);

        JsonNode second = importCsv(admin, sample);
        assertThat(second.at("/services/UNCHANGED").asInt()).isEqualTo(5);
        assertThat(second.get("rows").findValuesAsText("organisation")).containsOnly("UNCHANGED");
        assertThat(storedEvents(sample)).isEqualTo(events);

        JsonNode changed = importCsv(admin, sample.replace("Health walks", "Health walks and talks"));
        assertThat(changed.at("/services/CHANGED").asInt()).isEqualTo(1);
        JsonNode found = eventually(worker, "/api/directory/services?need=PHYSICAL_ACTIVITY&area=GLASGOW_CITY&q=talks",
                body -> body.path("totalItems").asInt() == 1);
        assertThat(found.at("/items/0/serviceId").asText()).isEqualTo("svc-clyde-health-walks");
    }

    @Test
    void an_import_refuses_bad_rows_with_their_reason_and_loads_the_rest() throws Exception {
        String header = "organisation_id,organisation_name,organisation_kind,website,phone,email,service_id,"
                + "service_name,description,needs,areas,link_modes\n";
        JsonNode report = importCsv(manager, header
                + "org-m1,Manager's Org (fictional),CHARITY,,,,svc-m1,Lunch,,LONELINESS_ISOLATION,GLASGOW_CITY,SIGNPOST\n"
                + "org-m1,Manager's Org (fictional),CHARITY,,,,svc-m2,Walks,,PHYSICAL_ACTIVITY,WEST_DUNBARTONSHIRE,SIGNPOST\n"
                + "org-m1,Manager's Org (fictional),CHARITY,,,,svc-m3,Bad,,NOT_A_NEED,GLASGOW_CITY,SIGNPOST\n"
                + "org-m1,Manager's Org (fictional),CHARITY,,,,svc-m4,Nowhere,,DEBT,,SIGNPOST\n"
                + "org-m1,Another name,CHARITY,,,,svc-m5,Clash,,DEBT,GLASGOW_CITY,SIGNPOST\n");
        assertThat(report.get("rows").findValuesAsText("service"))
                .containsExactly("ADDED", "REFUSED", "REFUSED", "REFUSED", "REFUSED");
        assertThat(report.get("rows").findValuesAsText("field"))
                .containsExactly("areas", "needs", "areas", "organisation_name");
        assertThat(report.at("/rows/1/reason").asText()).contains("WEST_DUNBARTONSHIRE");

        assertThat(call(admin, HttpMethod.POST, "/api/directory/imports", "no,header\n1,2", "text/csv"))
                .startsWith("400").contains("file");
        assertThat(call(admin, HttpMethod.POST, "/api/directory/imports", header + "\"open quote", "text/csv"))
                .startsWith("400");
    }

    /** The events stored for the sample's organisations and services, read from the event store itself. */
    private long storedEvents(String sample) {
        EventStore events = app.getBean(EventStore.class);
        return sample.lines().skip(1).flatMap(line -> Stream.of(line.split(",")[0], line.split(",")[6])).distinct()
                .mapToLong(id -> events.readEvents(id, 0).asStream().count()).sum();
    }

    private JsonNode importCsv(RestClient client, String csv) throws Exception {
        String answer = call(client, HttpMethod.POST, "/api/directory/imports", csv, "text/csv");
        assertThat(answer).startsWith("200");
        return json.readTree(answer.substring(4));
    }

    private JsonNode eventually(RestClient client, String uri, Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = client.get().uri(uri).exchange((request, response) ->
                    response.getStatusCode().is2xxSuccessful() ? response.bodyTo(JsonNode.class) : null);
            return last[0] != null && ready.test(last[0]);
        });
        return last[0];
    }

    private String call(RestClient client, HttpMethod method, String uri, String body) {
        return call(client, method, uri, body, MediaType.APPLICATION_JSON_VALUE);
    }

    /** The status and the body. */
    private String call(RestClient client, HttpMethod method, String uri, String body, String type) {
        var request = client.method(method).uri(uri);
        if (body != null) {
            request.contentType(MediaType.parseMediaType(type)).body(body);
        }
        return request.exchange((req, response) -> response.getStatusCode().value() + " "
                + new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
