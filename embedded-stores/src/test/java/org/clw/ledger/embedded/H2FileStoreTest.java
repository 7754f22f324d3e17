package org.clw.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded file store reads files written by mongo-java-server's own H2 backend (an earlier release's), lookups by
 * {@code _id} and by a unique index included, and writes its documents in a form of its own beside them.
 */
class H2FileStoreTest {

    @TempDir
    Path dir;

    @Test
    void reads_a_file_written_by_the_library_and_keeps_its_unique_indexes() {
        String file = dir.resolve("read-models.mv").toString();
        with(new H2Backend(file), this::write);
        with(new H2FileStore(file), this::readBack);
    }

    @Test
    void a_file_of_the_library_takes_documents_in_the_new_form_beside_its_own() {
        String file = dir.resolve("read-models.mv").toString();
        with(new H2Backend(file), this::write);
        with(new H2FileStore(file), cases -> {
            cases.insertOne(new Document("_id", "ref-new").append("worker", "w9"));
            // Rewritten in the new form: a changed document, and the page around it.
            cases.updateOne(new Document("_id", "ref-000007"), new Document("$set", new Document("note", "moved")));
        });
        with(new H2FileStore(file), cases -> {
            readBack(cases);
            assertThat(cases.countDocuments()).isEqualTo(2_001);
            assertThat(cases.find(new Document("_id", "ref-new")).first()).containsEntry("worker", "w9");
            assertThat(cases.find(new Document("_id", "ref-000007")).first()).containsEntry("note", "moved")
                    .containsEntry("number", 7);
        });
    }

    @Test
    void a_file_written_by_this_store_reads_back_after_a_restart() {
        String file = dir.resolve("read-models.mv").toString();
        with(new H2FileStore(file), this::write);
        with(new H2FileStore(file), this::readBack);
    }

    @Test
    void documents_take_less_room_than_the_library_stores_them() {
        Path library = dir.resolve("library.mv");
        Path ours = dir.resolve("ours.mv");
        with(new H2Backend(new MVStore.Builder().fileName(library.toString()).compress().open()), this::write);
        with(new H2FileStore(ours.toString()), this::write);
        assertThat(ours.toFile().length()).isLessThan(library.toFile().length());
    }

    @Test
    void a_graceful_close_compacts_the_file_that_per_write_commits_grew() {
        Path file = dir.resolve("read-models.mv");
        H2FileStore store = new H2FileStore(file.toString());
        long[] open = new long[1];
        with(store, cases -> {
            // As in the system: every write committed on its own, documents rewritten again and again.
            for (int round = 0; round < 5; round++) {
                int value = round;
                IntStream.range(0, 300).forEach(n -> {
                    cases.replaceOne(new Document("_id", "ref-%06d".formatted(n)), new Document("round", value)
                            .append("padding", "x".repeat(500)), new com.mongodb.client.model.ReplaceOptions()
                            .upsert(true));
                    store.commit();
                });
            }
            open[0] = file.toFile().length();
        });

        assertThat(file.toFile().length()).isLessThan(open[0] / 2);
        with(new H2FileStore(file.toString()), cases -> {
            assertThat(cases.countDocuments()).isEqualTo(300);
            assertThat(cases.find(new Document("_id", "ref-000123")).first()).containsEntry("round", 4);
        });
    }

    private void write(MongoCollection<Document> cases) {
        cases.createIndex(Indexes.ascending("worker", "number"), new IndexOptions().unique(true));
        IntStream.range(0, 2_000).forEach(n -> cases.insertOne(new Document("_id", "ref-%06d".formatted(n))
                .append("worker", "w" + n % 7).append("number", n)));
    }

    private void readBack(MongoCollection<Document> cases) {
        assertThat(cases.countDocuments()).isGreaterThanOrEqualTo(2_000);
        IntStream.range(0, 2_000).forEach(n -> assertThat(cases.find(new Document("_id", "ref-%06d".formatted(n)))
                .first()).containsEntry("number", n));
        assertThat(cases.find(new Document("worker", "w3").append("number", 1_004)).first())
                .containsEntry("_id", "ref-001004");
        assertThatThrownBy(() -> cases.insertOne(new Document("_id", "ref-999999").append("worker", "w3")
                .append("number", 1_004))).isInstanceOf(MongoWriteException.class);
        assertThatThrownBy(() -> cases.insertOne(new Document("_id", "ref-000005")))
                .isInstanceOf(MongoWriteException.class);
    }

    private static void with(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            use.accept(client.getDatabase("clw").getCollection("cases"));
            ((H2Backend) backend).commit();
        } finally {
            server.shutdownNow();
        }
    }
}
