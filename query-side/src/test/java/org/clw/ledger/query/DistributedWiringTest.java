package org.clw.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The query side with the production properties: events from Axon Server, read models and tokens in the MongoDB
 * named by {@code spring.mongodb.uri} and {@code spring.mongodb.database} (here a throwaway in-process server standing
 * in for it), no embedded store; readiness includes Axon Server's connection.
 */
class DistributedWiringTest {

    static final String[] PROCESSORS = {"cases", "settings", "participants", "directory"};

    @Test
    void with_production_properties_events_come_from_axon_server_and_state_goes_to_the_configured_mongodb() {
        MongoServer external = new MongoServer(new MemoryBackend());
        InetSocketAddress address = external.bind();
        String uri = "mongodb://127.0.0.1:" + address.getPort() + "/clw-ledger";
        initialiseTokens(uri, "clw-configured");
        try (var app = new SpringApplicationBuilder(QuerySideApplication.class).run("--server.port=0",
                "--spring.mongodb.uri=" + uri, "--spring.mongodb.database=clw-configured",
                "--axon.axonserver.servers=localhost:18124")) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(app.getBeansOfType(EventStorageEngine.class)).isEmpty();
            assertThat(app.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
            assertThat(app.getBean(MongoClient.class).getClusterDescription().getClusterSettings().getHosts())
                    .extracting(Object::toString).containsExactly("127.0.0.1:" + address.getPort());
            assertThat(app.getBean(MongoTemplate.class).getDb().getName()).isEqualTo("clw-configured");
            // No Axon Server answers at that address: readiness must say so rather than leave it out.
            assertThat(app.getEnvironment().getProperty("management.endpoint.health.group.readiness.include"))
                    .contains("axonServer");
            assertThat(app.getBean("axonServer", HealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(app.getBean(EventProcessingConfiguration.class).eventProcessors())
                    .containsOnlyKeys(PROCESSORS)
                    .allSatisfy((name, processor) ->
                            assertThat(processor).isInstanceOf(PooledStreamingEventProcessor.class));
        } finally {
            external.shutdownNow();
        }
    }

    /**
     * Without Axon Server a pooled processor cannot create its first token and the application would not start;
     * with tokens already in MongoDB it starts and keeps retrying the event stream in the background.
     */
    private static void initialiseTokens(String uri, String database) {
        try (MongoClient client = MongoClients.create(uri)) {
            TokenStore tokens = MongoTokenStore.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, database).build())
                    .serializer(JacksonSerializer.defaultSerializer())
                    .build();
            for (String processor : PROCESSORS) {
                tokens.initializeTokenSegments(processor, 1, null);
            }
        }
    }
}
