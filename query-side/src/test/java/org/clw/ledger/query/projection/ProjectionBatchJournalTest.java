package org.clw.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A batch's documents are written all or none: through the journal, a flush that a crash cut short after the journal
 * was marked complete is completed when the group's next batch starts, and one cut short before is forgotten (its
 * events are processed again). Against the in-process MongoDB wire server, without Spring.
 */
class ProjectionBatchJournalTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "journal-test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_batch_writes_its_committed_changes_once_and_leaves_no_journal() {
        ProjectionBatch batch = new ProjectionBatch(mongo, "g", List.of());
        Staged writes = batch.stage();
        writes.update("counts", "D2026-03-05", CountBucket.class, () -> CountBucket.of("D2026-03-05", null),
                bucket -> bucket.add(Map.of(Counter.of("referralsReceived"), 1L), 7));
        writes.update("counts", "D2026-03-05", CountBucket.class, () -> CountBucket.of("D2026-03-05", null),
                bucket -> bucket.add(Map.of(Counter.of("referralsReceived"), 1L), 8));
        batch.commit(writes);
        Staged dropped = batch.stage();
        dropped.update("counts", "D2026-03-06", CountBucket.class, () -> CountBucket.of("D2026-03-06", null),
                bucket -> bucket.add(Map.of(Counter.of("referralsReceived"), 1L), 9));
        batch.flush();

        assertThat(mongo.findAll(CountBucket.class, "counts")).singleElement()
                .satisfies(bucket -> assertThat(bucket.counts()).containsExactly(
                        Map.entry(Counter.of("referralsReceived"), 2L)));
        assertThat(mongo.getCollection(ProjectionBatch.JOURNAL).countDocuments()).isZero();
    }

    @Test
    void a_batch_of_many_documents_writes_each_of_them() {
        ProjectionBatch batch = new ProjectionBatch(mongo, "g", List.of());
        Staged writes = batch.stage();
        for (int day = 1; day <= 45; day++) {
            String id = "D2026-03-%02d".formatted(day % 31 + 1) + "|" + day;
            writes.update("counts", id, CountBucket.class, () -> CountBucket.of(id, null),
                    bucket -> bucket.add(Map.of(Counter.of("referralsReceived"), 1L), 7));
        }
        batch.commit(writes);
        batch.flush();

        assertThat(mongo.findAll(CountBucket.class, "counts")).hasSize(45);
        assertThat(mongo.getCollection(ProjectionBatch.JOURNAL).countDocuments()).isZero();
    }

    @Test
    void a_flush_cut_short_after_its_journal_was_marked_complete_is_completed_before_the_next_batch() {
        journal(new Document("_id", "g|0").append("group", "g").append("entries", List.of(
                        entry("M2026-03", 3L), entry("M2026-04", 4L))),
                new Document("_id", "g|1").append("group", "g").append("entries", List.of(entry("M2026-05", 5L))),
                new Document("_id", "g|complete").append("group", "g"),
                new Document("_id", "other|0").append("group", "other").append("entries", List.of(
                        new Document("collection", "counts").append("document", new Document("_id", "not-mine")))));
        mongo.save(new Document("_id", "M2026-03").append("counts", new Document("x", 2L)), "counts");

        ProjectionBatch.recover(mongo, "g");

        assertThat(mongo.findById("M2026-03", Document.class, "counts").get("counts", Document.class))
                .containsEntry("x", 3L);
        assertThat(mongo.findById("M2026-05", Document.class, "counts").get("counts", Document.class))
                .containsEntry("x", 5L);
        assertThat(mongo.findById("not-mine", Document.class, "counts")).isNull();
        assertThat(mongo.getCollection(ProjectionBatch.JOURNAL).countDocuments(new Document("group", "g"))).isZero();
        assertThat(mongo.getCollection(ProjectionBatch.JOURNAL).countDocuments(new Document("group", "other")))
                .isOne();
    }

    @Test
    void a_journal_of_one_entry_per_document_left_by_the_previous_release_is_completed_too() {
        journal(new Document("_id", "g|0").append("group", "g").append("collection", "counts")
                        .append("document", new Document("_id", "M2026-03").append("counts", new Document("x", 3L))),
                new Document("_id", "g|complete").append("group", "g"),
                new Document("_id", "other|0").append("group", "other").append("collection", "counts")
                        .append("document", new Document("_id", "not-mine")));
        mongo.save(new Document("_id", "M2026-03").append("counts", new Document("x", 2L)), "counts");

        ProjectionBatch.recover(mongo, "g");

        assertThat(mongo.findById("M2026-03", Document.class, "counts").get("counts", Document.class))
                .containsEntry("x", 3L);
        assertThat(mongo.findById("not-mine", Document.class, "counts")).isNull();
        assertThat(mongo.getCollection(ProjectionBatch.JOURNAL).countDocuments(new Document("group", "g"))).isZero();
        assertThat(mongo.getCollection(ProjectionBatch.JOURNAL).countDocuments(new Document("group", "other")))
                .isOne();
    }

    @Test
    void a_flush_cut_short_before_its_journal_was_complete_changes_nothing() {
        journal(new Document("_id", "g|0").append("group", "g").append("entries", List.of(entry("M2026-03", 3L))));
        mongo.save(new Document("_id", "M2026-03").append("counts", new Document("x", 2L)), "counts");

        ProjectionBatch.recover(mongo, "g");

        assertThat(mongo.findById("M2026-03", Document.class, "counts").get("counts", Document.class))
                .containsEntry("x", 2L);
        assertThat(mongo.getCollection(ProjectionBatch.JOURNAL).countDocuments()).isZero();
    }

    private static Document entry(String id, long count) {
        return new Document("collection", "counts")
                .append("document", new Document("_id", id).append("counts", new Document("x", count)));
    }

    private void journal(Document... entries) {
        mongo.getCollection(ProjectionBatch.JOURNAL).insertMany(List.of(entries));
    }
}
