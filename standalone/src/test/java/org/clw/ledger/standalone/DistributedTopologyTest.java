package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.test.server.AxonServerContainer;
import org.clw.ledger.command.CommandSideApplication;
import org.clw.ledger.query.QuerySideApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The production topology with the real servers: the command side and the query side as two applications, events
 * through Axon Server, read models and tokens in a MongoDB replica set. Needs Docker; skipped without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class DistributedTopologyTest {

    @Container
    static final AxonServerContainer AXON_SERVER = new AxonServerContainer("axoniq/axonserver:2024.2.4-jdk-17")
            .withDevMode(true);
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Test
    void a_case_goes_from_the_command_side_through_axon_server_to_the_query_side(@TempDir Path dataDir) {
        String axonServer = "--axon.axonserver.servers=" + AXON_SERVER.getAxonServerAddress();
        try (var commandSide = new SpringApplicationBuilder(CommandSideApplication.class).profiles(TestSystem.DEVELOPMENT).run("--server.port=0",
                "--axon.axonserver.enabled=true", axonServer, "--clw.mongo.embedded=false",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("command-side"),
                "--spring.mongodb.uri=" + MONGO.getReplicaSetUrl("clw-ledger"));
             // On this module's classpath the standalone configuration comes first: turn its embedded stores off.
             var querySide = new SpringApplicationBuilder(QuerySideApplication.class).profiles(TestSystem.DEVELOPMENT).run("--server.port=0",
                     "--axon.axonserver.enabled=true", axonServer, "--clw.mongo.embedded=false",
                     "--spring.datasource.url=jdbc:h2:mem:distributed-query-side",
                     "--spring.mongodb.uri=" + MONGO.getReplicaSetUrl("clw-ledger"))) {
            assertThat(commandSide.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            RestClient manager = client(commandSide, "manager");
            post(manager, "/api/settings", """
                    {"settingId":"gp-40001","name":"Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}""");
            post(manager, "/api/links-workers", """
                    {"workerId":"lw-dist","name":"Alex","settings":["gp-40001"],"capacity":20}""");
            post(manager, "/api/participants", """
                    {"participantId":"P700001","personalDetails":{"givenName":"Morag","familyName":"Demo-Dist"},
                     "demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}""");
            post(manager, "/api/referrals", """
                    {"referralId":"ref-dist","participantId":"P700001","settingId":"gp-40001","needs":["DEBT"],
                     "primaryNeed":"DEBT","route":"GP","consentRecorded":true}""");
            post(manager, "/api/referrals/ref-dist/acceptance", null);
            post(manager, "/api/referrals/ref-dist/allocation", "{\"workerId\":\"lw-dist\"}");

            RestClient auditor = client(querySide, "auditor");
            JsonNode summary = eventually(auditor, "/api/cases/ref-dist",
                    body -> body.get("status").asText().equals("ALLOCATED"));
            assertThat(summary.get("workerId").asText()).isEqualTo("lw-dist");
            JsonNode history = auditor.get().uri("/api/cases/ref-dist/history").retrieve().body(JsonNode.class);
            assertThat(history).hasSize(3);
            assertThat(history.get(2).at("/metadata/actorRole").asText()).isEqualTo("SERVICE_MANAGER");
            assertThat(auditor.get().uri("/api/cases/ref-dist/history/verification").retrieve()
                    .body(JsonNode.class).get("intact").asBoolean()).isTrue();
            eventually(auditor, "/api/links-workers/lw-dist/caseload",
                    body -> body.at("/worker/openCases").asInt() == 1);
        }
    }

    private static JsonNode eventually(RestClient client, String uri, Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = client.get().uri(uri).exchange((request, response) ->
                    response.getStatusCode().is2xxSuccessful() ? response.bodyTo(JsonNode.class) : null);
            return last[0] != null && ready.test(last[0]);
        });
        return last[0];
    }

    private static void post(RestClient client, String uri, String json) {
        var request = client.post().uri(uri);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        request.retrieve().toBodilessEntity();
    }

    private static RestClient client(ConfigurableApplicationContext app, String user) {
        return TestSystem.demoUser(TestSystem.baseUrl(app), user);
    }
}
