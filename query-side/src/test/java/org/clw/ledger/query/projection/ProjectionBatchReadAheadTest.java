package org.clw.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A batch reads ahead, in a few queries, the documents its events will change; then handling them costs no round trip
 * per document, and the plan itself writes nothing. Against the in-process MongoDB wire server, without Spring.
 */
class ProjectionBatchReadAheadTest {

    private static final Counter COUNTER = Counter.of("referralsReceived");

    private final AtomicInteger finds = new AtomicInteger();
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.bind().getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")) {
                            finds.incrementAndGet();
                        }
                    }
                }).build());
        mongo = new MongoTemplate(client, "read-ahead-test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void the_documents_a_batch_will_change_are_read_in_a_few_queries_and_the_plan_writes_nothing() {
        IntStream.range(0, 300).forEach(day -> mongo.save(bucket("D" + day, 1L), "counts"));
        ProjectionBatch batch = new ProjectionBatch(mongo, "g", List.of());

        batch.readAhead(messages -> {
            Staged planned = batch.stage();
            IntStream.range(0, 500).forEach(day -> planned.update("counts", "D" + day, CountBucket.class,
                    () -> CountBucket.of("D" + day, null), bucket -> bucket.add(Map.of(COUNTER, 100L), day)));
            return planned;
        }, planned -> List.of(planned));
        int readAhead = finds.get();
        batch.readAhead(messages -> {
            throw new AssertionError("read ahead once per batch");
        }, planned -> List.of());

        assertThat(readAhead).isEqualTo(3);
        assertThat(batch.find("counts", "D7", CountBucket.class)).hasValueSatisfying(
                bucket -> assertThat(bucket.counts()).containsExactly(Map.entry(COUNTER, 1L)));
        assertThat(batch.find("counts", "D400", CountBucket.class)).isEmpty();
        assertThat(finds.get()).isEqualTo(readAhead);
        assertThat(mongo.getCollection("counts").countDocuments()).isEqualTo(300);
    }

    @Test
    void reads_ahead_plain_documents_too() {
        mongo.save(new org.bson.Document("_id", "first-day").append("day", "2026-01-05"), "programme");
        ProjectionBatch batch = new ProjectionBatch(mongo, "g", List.of());

        batch.readAhead(messages -> {
            Staged planned = batch.stage();
            planned.update("programme", "first-day", org.bson.Document.class, org.bson.Document::new, day -> true);
            return planned;
        }, planned -> List.of(planned));

        assertThat(batch.find("programme", "first-day", org.bson.Document.class)).hasValueSatisfying(
                day -> assertThat(day).containsEntry("day", "2026-01-05"));
        assertThat(finds.get()).isOne();
    }

    private static CountBucket bucket(String id, long count) {
        CountBucket bucket = CountBucket.of(id, null);
        bucket.add(Map.of(COUNTER, count), 1);
        return bucket;
    }
}
