package org.clw.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.clw.ledger.query.projection.ProjectionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Two query-side instances on one MongoDB and one event store: each projection's segment is processed by one of them,
 * and the other reports it caught up there, at the owner's position, and refuses to rebuild it; when that instance stops, the other takes the segment over from its
 * token and catches up. Nothing is folded twice: the read models are those of a single instance given the same
 * events.
 */
class SecondInstanceTest {

    private static final List<String> COLLECTIONS = List.of("cases", "caseloads", "waiting_lists", "statistics",
            "statistics_by_setting", "timeline", "programme", "audit_trail", "settings", "participants");
    private static final String[] PROJECTIONS = {"cases", "settings", "participants"};
    /** The event store the instances of one run share. */
    private static final AtomicReference<EventStorageEngine> STORE = new AtomicReference<>();

    @Configuration(proxyBeanMethods = false)
    static class SharedStore {

        @Bean
        EventStorageEngine eventStorageEngine() {
            return STORE.get();
        }

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(InMemoryEvents.NOW, ZoneOffset.UTC);
        }
    }

    @Test
    void a_second_instance_waits_then_takes_over_the_projections_and_nothing_is_folded_twice() throws Exception {
        List<DomainEventMessage<?>> events = FixedHistory.events();
        List<DomainEventMessage<?>> before = events.subList(0, events.size() / 2);
        List<DomainEventMessage<?>> after = events.subList(events.size() / 2, events.size());

        Map<String, List<String>> twoInstances;
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String shared = uri(mongo);
        STORE.set(new InMemoryEventStorageEngine());
        try (var second = start(shared, "second")) {
            try (var first = start(shared, "first")) {
                before.forEach(first.getBean(EventStore.class)::publish);
                awaitReady(first);
                awaitReady(second);
                for (String projection : PROJECTIONS) {
                    boolean onFirst = claimed(first, projection);
                    assertThat(claimed(second, projection)).as(projection + " processed by exactly one instance")
                            .isNotEqualTo(onFirst);
                    var elsewhere = onFirst ? second : first;
                    assertThat(health(elsewhere).getDetails()).containsEntry(projection,
                            "caught up on another instance");
                    ProjectionProgress standby = elsewhere.getBean(ProjectionProgress.class);
                    ProjectionProgress owner = (onFirst ? first : second).getBean(ProjectionProgress.class);
                    assertThat(standby.status(projection)).get().extracting(ProjectionStatus::lag).isEqualTo(0L);
                    assertThat(standby.status(projection)).get().extracting(ProjectionStatus::state)
                            .isEqualTo("caught up on another instance");
                    // The standby shows the owner's stored position, which follows the owner's once it is idle.
                    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                            standby.status(projection).orElseThrow().position()
                                    == owner.status(projection).orElseThrow().position());
                    assertThat(standby.status(projection).orElseThrow().position()).isNotNegative();

                    HttpResponse<String> rebuild = rebuild(elsewhere, projection);
                    assertThat(rebuild.statusCode()).as(projection + " rebuilt on the standby").isEqualTo(409);
                    assertThat(rebuild.headers().firstValue("Content-Type")).get().asString()
                            .startsWith("application/problem+json");
                    assertThat(rebuild.body()).contains("processed by another instance; rebuild it there");
                    // Still a standby: running, ready, and reporting the projection caught up elsewhere.
                    assertThat(standby.status(projection)).get().extracting(ProjectionStatus::running)
                            .isEqualTo(true);
                    assertThat(health(elsewhere).getDetails()).containsEntry(projection,
                            "caught up on another instance");
                }
            }
            // The first instance has stopped and released its claims: the second takes every projection over.
            after.forEach(second.getBean(EventStore.class)::publish);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                    List.of(PROJECTIONS).stream().allMatch(projection -> claimed(second, projection)));
            awaitReady(second);
            assertThat(health(second).getDetails()).containsEntry("cases", "caught up")
                    .containsEntry("settings", "caught up").containsEntry("participants", "caught up");
            twoInstances = InMemoryEvents.documents(second.getBean(MongoOperations.class), COLLECTIONS);
        } finally {
            mongo.shutdownNow();
        }

        Map<String, List<String>> oneInstance;
        MongoServer alone = new MongoServer(new MemoryBackend());
        String own = uri(alone);
        STORE.set(new InMemoryEventStorageEngine());
        try (var single = start(own, "single")) {
            events.forEach(single.getBean(EventStore.class)::publish);
            awaitReady(single);
            oneInstance = InMemoryEvents.documents(single.getBean(MongoOperations.class), COLLECTIONS);
        } finally {
            alone.shutdownNow();
        }
        assertThat(twoInstances.get("cases")).hasSize(6);
        assertThat(twoInstances).isEqualTo(oneInstance);
    }

    /**
     * A rolling upgrade to a release that reads the {@code cases} read models in a newer shape: the new instance cannot
     * build them again while the old one holds the group's claim, so it is not ready and says why; once the old
     * instance stops, it builds them again, without a restart, into the same documents.
     */
    @Test
    void an_instance_that_finds_an_older_shape_claimed_elsewhere_is_not_ready_until_it_builds_the_new_one()
            throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String shared = uri(mongo);
        STORE.set(new InMemoryEventStorageEngine());
        try {
            Map<String, List<String>> builtByTheOldRelease;
            ConfigurableApplicationContext upgraded;
            try (var old = start(shared, "old")) {
                FixedHistory.events().forEach(old.getBean(EventStore.class)::publish);
                awaitReady(old);
                builtByTheOldRelease = InMemoryEvents.documents(old.getBean(MongoOperations.class), COLLECTIONS);
                // As the last release leaves them: no shape kept, which is shape 1.
                old.getBean(MongoOperations.class).dropCollection("read_model_shapes");

                upgraded = start(shared, "upgraded");
                HealthIndicator shape = upgraded.getBean("readModelShape", HealthIndicator.class);
                assertThat(shape.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                assertThat(shape.health().getDetails().get("reason")).asString()
                        .contains("the cases read models are in shape 1, this release reads shape 2")
                        .contains("another instance holds the cases group's claim");
                assertThat(upgraded.getEnvironment().getProperty("management.endpoint.health.group.readiness.include"))
                        .contains("readModelShape");
                assertThat(upgraded.getBean(EventProcessingConfiguration.class)
                        .eventProcessor("cases", StreamingEventProcessor.class)).get()
                        .extracting(StreamingEventProcessor::isRunning).isEqualTo(false);
                // A rebuild would start the processor on the old shape's documents: refused while waiting.
                HttpResponse<String> rebuild = rebuild(upgraded, "cases");
                assertThat(rebuild.statusCode()).isEqualTo(409);
                assertThat(rebuild.headers().firstValue("Content-Type")).get().asString()
                        .startsWith("application/problem+json");
                assertThat(rebuild.body()).contains("cannot rebuild them before");
                assertThat(upgraded.getBean(EventProcessingConfiguration.class)
                        .eventProcessor("cases", StreamingEventProcessor.class)).get()
                        .extracting(StreamingEventProcessor::isRunning).isEqualTo(false);
                assertThat(InMemoryEvents.documents(upgraded.getBean(MongoOperations.class), COLLECTIONS))
                        .isEqualTo(builtByTheOldRelease);
            }
            // The old instance has stopped and released its claim.
            try (upgraded) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                        claimed(upgraded, "cases") && health(upgraded).getStatus().equals(Status.UP));
                assertThat(upgraded.getBean("readModelShape", HealthIndicator.class).health().getStatus())
                        .isEqualTo(Status.UP);
                org.bson.Document kept = upgraded.getBean(MongoOperations.class)
                        .findById("cases", org.bson.Document.class, "read_model_shapes");
                assertThat(kept).isNotNull();
                assertThat(kept.getInteger("shape")).isEqualTo(2);
                assertThat(InMemoryEvents.documents(upgraded.getBean(MongoOperations.class), COLLECTIONS))
                        .isEqualTo(builtByTheOldRelease);
            }
        } finally {
            mongo.shutdownNow();
        }
    }

    /**
     * The state a refused upgrade can leave: the group's tokens deleted before another instance's claim refused the
     * rest, the read models still in the old shape, and a flush of the last release journalled and marked complete but
     * not written. The next attempt sees no tokens; the journal is still completed before the read models are cleared,
     * so that it is never written into the new ones.
     */
    @Test
    void a_journal_the_last_release_left_is_not_written_into_read_models_built_again_after_a_partial_token_delete() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String shared = uri(mongo);
        STORE.set(new InMemoryEventStorageEngine());
        try (var client = com.mongodb.client.MongoClients.create(shared)) {
            var database = client.getDatabase("clw-ledger");
            database.getCollection("cases").insertOne(new org.bson.Document("_id", "built-by-the-last-release"));
            database.getCollection("projection_journal").insertMany(List.of(
                    new org.bson.Document("_id", "cases|0").append("group", "cases").append("entries", List.of(
                            new org.bson.Document("collection", "cases")
                                    .append("document", new org.bson.Document("_id", "left-in-the-journal")))),
                    new org.bson.Document("_id", "cases|complete").append("group", "cases")));
            try (var upgraded = start(shared, "upgraded")) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                        claimed(upgraded, "cases"));
                awaitReady(upgraded);
                MongoOperations operations = upgraded.getBean(MongoOperations.class);
                assertThat(operations.getCollection("projection_journal")
                        .countDocuments(new org.bson.Document("group", "cases"))).isZero();
                assertThat(operations.findAll(org.bson.Document.class, "cases")).isEmpty();
                org.bson.Document kept = operations.findById("cases", org.bson.Document.class, "read_model_shapes");
                assertThat(kept).isNotNull();
                assertThat(kept.getInteger("shape")).isEqualTo(2);
            }
        } finally {
            mongo.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext start(String uri, String nodeId) {
        return new SpringApplicationBuilder(QuerySideApplication.class, SharedStore.class).run("--server.port=0",
                "--axon.axonserver.enabled=false", "--spring.mongodb.uri=" + uri,
                "--spring.application.name=instance-" + nodeId, "--clw.projections.node-id=" + nodeId);
    }

    private static HttpResponse<String> rebuild(ConfigurableApplicationContext app, String projection)
            throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        String login = Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/admin/projections/" + projection + "/rebuild"))
                .header("Authorization", "Basic " + login).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String uri(MongoServer mongo) {
        return "mongodb://127.0.0.1:" + mongo.bind().getPort() + "/clw-ledger";
    }

    private static boolean claimed(ConfigurableApplicationContext app, String projection) {
        return app.getBean(EventProcessingConfiguration.class).eventProcessor(projection, StreamingEventProcessor.class)
                .map(processor -> !processor.processingStatus().isEmpty()).orElse(false);
    }

    private static org.springframework.boot.health.contributor.Health health(ConfigurableApplicationContext app) {
        return app.getBean("projections", HealthIndicator.class).health();
    }

    private static void awaitReady(ConfigurableApplicationContext app) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> health(app).getStatus().equals(Status.UP));
    }
}
