package org.clw.ledger.embedded;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.bson.Document;
import org.h2.mvstore.MVStoreTool;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An in-process MongoDB-wire server (mongo-java-server) on a free loopback port, reached through the ordinary
 * MongoDB driver: the standalone default and the tests' store. {@code clw.mongo.embedded=file} keeps the data in an
 * H2 file under {@code clw.data-dir}, so read models and tokens survive a restart; {@code memory} keeps nothing.
 * Without the property (or with {@code false}), Spring Boot connects to the MongoDB at {@code spring.mongodb.uri}.
 * An auto-configuration, so that it is active wherever this module is on the classpath (the standalone system, the
 * two sides' tests) and absent from the two sides' own jars; before Boot's, whose client and health check back off.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnProperty("clw.mongo.embedded")
public class EmbeddedMongo {

    /** The commands after which the file store commits, so that an acknowledged write survives a crash. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");
    /** Written by the privacy module (KeysMovedFromMongo) when the file store should be rewritten. */
    static final String COMPACTION_MARKER = "read-models.compact";

    @Bean
    MongoBackend embeddedMongoBackend(@Value("${clw.mongo.embedded}") String storage,
            @Value("${clw.data-dir:./data}") Path dataDir) {
        return backend(storage, dataDir);
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(MongoBackend embeddedMongoBackend) {
        MongoServer server = new MongoServer(embeddedMongoBackend);
        server.bind("127.0.0.1", 0);
        return server;
    }

    /**
     * The H2 file store writes its changes out only every second on its own: a write acknowledged just before a
     * crash (a participant's key, a projection's batch and token) would be lost. So every write is committed before
     * the driver hands its answer back; the sync driver calls command listeners on the calling thread.
     */
    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer embeddedMongoServer, MongoBackend embeddedMongoBackend) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()));
        if (embeddedMongoBackend instanceof H2Backend fileStore) {
            settings.addCommandListener(new CommandListener() {
                @Override
                public void commandSucceeded(CommandSucceededEvent event) {
                    if (WRITES.contains(event.getCommandName())) {
                        fileStore.commit();
                    }
                }
            });
        }
        return MongoClients.create(settings.build());
    }

    /**
     * Spring Boot's MongoDB health check sends {@code hello}, which mongo-java-server does not answer; {@code ping}
     * it does. Named so that Boot's check backs off.
     */
    @Bean("mongoHealthContributor")
    HealthIndicator embeddedMongoHealth(MongoClient mongoClient,
            @Value("${spring.mongodb.database}") String database) {
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
                Path file = dataDir.resolve("read-models.mv");
                compactIfAsked(dataDir, file);
                yield new H2FileStore(file.toString());
            }
            default -> throw new IllegalArgumentException("clw.mongo.embedded must be 'memory' or 'file'");
        };
    }

    /**
     * The file store appends and never erases in place: what was deleted (participant keys an earlier release kept
     * here, moved to their own file) stays in the file until it is rewritten with only the live data. The privacy
     * module asks for that with the marker {@value #COMPACTION_MARKER}; it is done before the store is opened.
     */
    static void compactIfAsked(Path dataDir, Path file) {
        Path marker = dataDir.resolve(COMPACTION_MARKER);
        if (!Files.exists(marker)) {
            return;
        }
        if (Files.exists(file)) {
            MVStoreTool.compact(file.toString(), false);
        }
        try {
            Files.delete(marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
