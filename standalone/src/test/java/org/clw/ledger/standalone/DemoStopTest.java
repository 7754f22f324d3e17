package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo programme's end as logged: the application closing while the generator waits for the projections is a
 * stop, at INFO; the event store failing under it is a failure, at ERROR. A projection that fails on every event keeps
 * the generator waiting for as long as each test needs.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoStopTest {

    private static final String GENERATED = "Demo programme generated in";
    private static final String FAILED = "Demo programme failed";

    @Test
    void closing_the_application_while_the_demo_waits_for_the_projections_is_a_stop_not_a_failure(
            @TempDir Path dataDir, CapturedOutput output) {
        try (var app = start(dataDir)) {
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> output.getOut().contains(GENERATED));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                output.getOut().contains("Demo programme stopped before the demo finished"));
        // Waiting, as a rule; but a projection check already under way when the application closes fails with it.
        assertThat(output.getOut().lines().filter(line -> line.contains("Demo programme stopped")))
                .singleElement().asString().contains(" INFO ").containsPattern("the application (closed while the"
                        + " projections were catching up|is closing)");
        assertThat(output.getAll()).doesNotContain(FAILED);
    }

    @Test
    void the_event_store_failing_while_the_demo_waits_is_a_failure(@TempDir Path dataDir, CapturedOutput output) {
        try (var app = start(dataDir)) {
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> output.getOut().contains(GENERATED));
            // Where the projections' progress is measured from, gone while the application runs.
            app.getBean(JdbcTemplate.class).execute("ALTER TABLE DomainEventEntry RENAME TO DomainEventEntryGone");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> output.getAll().contains(FAILED));
            assertThat(output.getAll().lines().filter(line -> line.contains(FAILED))).singleElement().asString()
                    .contains(" ERROR ");
            assertThat(output.getAll()).doesNotContain("Demo programme stopped");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(StandaloneApplication.class, FailingProjection.class)
                .profiles(TestSystem.DEVELOPMENT).run("--server.port=0", "--clw.data-dir=" + dataDir,
                        "--clw.mongo.embedded=memory",
                        "--spring.datasource.url=" + TestSystem.eventStoreWithoutCompaction(dataDir),
                        "--clw.demo.enabled=true", "--clw.demo.referrals=20", "--clw.demo.last-day=2026-11-30");
    }

    /** Never caught up: its processor retries the first event for ever. Not a component: only these tests add it. */
    @ProcessingGroup("failing")
    static class FailingProjection {

        @EventHandler
        void on(Object event) {
            throw new IllegalStateException("fails on every event, so that the projections never catch up");
        }
    }
}
