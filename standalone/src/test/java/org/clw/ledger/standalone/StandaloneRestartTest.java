package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The standalone system keeps every event across a restart on the same data directory. */
class StandaloneRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void a_restart_on_the_same_data_directory_keeps_every_event() {
        try (var app = start()) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
            var response = client(app).post().uri("/api/settings")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"settingId":"gp-restart","name":"Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}""")
                    .retrieve().toBodilessEntity();
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        assertThat(dataDir.resolve("command-side.mv.db")).exists();

        try (var app = start()) {
            List<? extends DomainEventMessage<?>> events =
                    app.getBean(EventStore.class).readEvents("gp-restart", 0).asStream().toList();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getMetaData()).containsEntry("actorId", "admin");
            // The registry survived too: the setting is known, so a worker can cover it.
            var response = client(app).post().uri("/api/links-workers")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"workerId":"lw-restart","name":"Alex","settings":["gp-restart"],"capacity":5}""")
                    .retrieve().toBodilessEntity();
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StandaloneApplication.class).profiles(TestSystem.DEVELOPMENT)
                .run("--server.port=0", "--clw.data-dir=" + dataDir);
    }

    private static RestClient client(ConfigurableApplicationContext app) {
        String port = app.getBean(Environment.class).getProperty("local.server.port");
        return TestSystem.demoUser("http://localhost:" + port, "admin");
    }
}
