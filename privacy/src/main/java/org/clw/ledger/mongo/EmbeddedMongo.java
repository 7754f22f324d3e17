package org.clw.ledger.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An in-process MongoDB-wire server (mongo-java-server) on a free loopback port, reached through the ordinary
 * MongoDB driver: the standalone default and the tests' store. {@code clw.mongo.embedded=file} keeps the data in an
 * H2 file under {@code clw.data-dir}, so read models and tokens survive a restart; {@code memory} keeps nothing.
 * Without the property (or with {@code false}), Spring Boot connects to the MongoDB at {@code spring.data.mongodb.uri}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("clw.mongo.embedded")
class EmbeddedMongo {

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(@Value("${clw.mongo.embedded}") String storage,
            @Value("${clw.data-dir:./data}") Path dataDir) {
        MongoServer server = new MongoServer(backend(storage, dataDir));
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    /**
     * Spring Boot's MongoDB health check sends {@code hello}, which mongo-java-server does not answer; {@code ping}
     * it does. Named so that Boot's check backs off.
     */
    @Bean("mongoHealthContributor")
    HealthIndicator embeddedMongoHealth(MongoClient mongoClient,
            @Value("${spring.data.mongodb.database}") String database) {
        return () -> {
            try {
                mongoClient.getDatabase(database).runCommand(new Document("ping", 1));
                return Health.up().withDetail("server", "embedded").build();
            } catch (RuntimeException unreachable) {
                return Health.down().withDetail("server", "embedded").build();
            }
        };
    }

    private static MongoBackend backend(String storage, Path dataDir) {
        return switch (storage) {
            case "memory" -> new MemoryBackend();
            case "file" -> {
                try {
                    Files.createDirectories(dataDir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                yield new H2Backend(dataDir.resolve("read-models.mv").toString());
            }
            default -> throw new IllegalArgumentException("clw.mongo.embedded must be 'memory' or 'file'");
        };
    }
}
