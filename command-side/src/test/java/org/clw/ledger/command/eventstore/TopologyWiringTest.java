package org.clw.ledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.clw.ledger.command.CommandSideApplication;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The same jar runs on the embedded store or on Axon Server, switched by configuration alone. */
class TopologyWiringTest {

    /** Starts the application as its main method does, with these properties as command-line arguments. */
    private static ConfigurableApplicationContext start(String... properties) {
        String[] arguments = Stream.concat(Stream.of("server.port=0"), Stream.of(properties))
                .map(property -> "--" + property)
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CommandSideApplication.class).run(arguments);
    }

    @Test
    void without_axon_server_events_go_to_the_jdbc_engine_and_buses_are_local() {
        try (var app = start("spring.datasource.url=jdbc:h2:mem:wiring-embedded;DB_CLOSE_DELAY=-1")) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
            assertThat(app.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
            assertThat(app.getBean(CommandBus.class)).isInstanceOf(SimpleCommandBus.class);
            assertThat(app.getBean(QueryBus.class)).isInstanceOf(SimpleQueryBus.class);
            assertThat(app.getBean("eventSerializer", Serializer.class))
                    .isInstanceOf(JacksonSerializer.class);
            assertThat(app.getBean("messageSerializer", Serializer.class))
                    .isInstanceOf(JacksonSerializer.class);
            assertThat(app.getBean("serializer", Serializer.class)).isInstanceOf(JacksonSerializer.class);
        }
    }

    @Test
    void with_axon_server_enabled_events_commands_and_queries_go_through_axon_server() {
        try (var app = start("spring.datasource.url=jdbc:h2:mem:wiring-server;DB_CLOSE_DELAY=-1",
                "axon.axonserver.enabled=true",
                "axon.axonserver.servers=localhost:18124")) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(app.getBeansOfType(JdbcEventStorageEngine.class)).isEmpty();
            assertThat(app.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(app.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        }
    }
}
