package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.web.client.RestClient;

/**
 * A data directory whose case read models an earlier release built in another shape (no shape kept beside them, no
 * statistics of every setting per period) opens with them built again from the first event, in the current shape:
 * an upgrade never answers from documents the queries no longer read.
 */
class ReadModelShapeTest {

    private static final String SERIES_BY_SETTING =
            "/api/statistics/series?from=2025-12-01&to=2026-11-30&interval=month&groupBy=setting";

    @Test
    void read_models_built_in_an_earlier_shape_are_built_again_at_start(@TempDir Path dataDir) {
        String built;
        try (var app = start(dataDir)) {
            RestClient admin = TestSystem.loggedIn(TestSystem.baseUrl(app), "admin");
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                    admin.get().uri("/api/cases?size=1").retrieve().body(JsonNode.class).path("totalItems").asInt() == 60
                            && admin.get().uri("/api/admin/projections").retrieve().body(JsonNode.class)
                            .findValues("lag").stream().allMatch(lag -> lag.asLong() == 0));
            built = admin.get().uri(SERIES_BY_SETTING).retrieve().body(JsonNode.class).toString();
            assertThat(built).contains("gp-");
            // As the release before this shape left them.
            MongoOperations mongo = app.getBean(MongoOperations.class);
            mongo.dropCollection("read_model_shapes");
            mongo.dropCollection("statistics_by_setting");
        }

        try (var app = start(dataDir)) {
            RestClient admin = TestSystem.loggedIn(TestSystem.baseUrl(app), "admin");
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                    admin.get().uri(SERIES_BY_SETTING).retrieve().body(JsonNode.class).toString().equals(built));
            Document shape = app.getBean(MongoOperations.class).findById("cases", Document.class, "read_model_shapes");
            assertThat(shape).isNotNull();
            assertThat(shape.getInteger("shape")).isEqualTo(2);
        }
    }

    /** With the read models in a file, as the standalone default keeps them, so that they outlive the process. */
    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(StandaloneApplication.class).profiles(TestSystem.DEVELOPMENT).run(
                "--server.port=0", "--clw.data-dir=" + dataDir, "--clw.mongo.embedded=file",
                "--spring.datasource.url=" + TestSystem.eventStoreWithoutCompaction(dataDir),
                "--clw.demo.enabled=true", "--clw.demo.referrals=60", "--clw.demo.last-day=2026-11-30");
    }
}
