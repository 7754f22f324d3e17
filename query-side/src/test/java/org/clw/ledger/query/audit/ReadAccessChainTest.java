package org.clw.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.clw.ledger.privacy.MasterKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The read-access log written through its chain, then changed behind the system's back with the MongoDB driver, as a
 * local client of the embedded server could (issue 15, finding 7): the verification names the first place it breaks.
 */
class ReadAccessChainTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ReadAccessChain chain;
    private MongoCollection<Document> log;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "audit-test");
        chain = new ReadAccessChain(mongo, MasterKey.of(new byte[32]));
        log = mongo.getCollection(ReadAccessLog.COLLECTION);
        for (int i = 1; i <= 5; i++) {
            long sequence = chain.append(read("manager", "P00000" + i, i));
            chain.complete(sequence, 200);
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void the_log_as_written_is_intact_and_continues_after_a_restart() {
        assertThat(chain.verify()).isEqualTo(ChainVerification.intact(5));

        ReadAccessChain restarted = new ReadAccessChain(mongo, MasterKey.of(new byte[32]));
        assertThat(restarted.append(read("auditor", "P000009", 9))).isEqualTo(6);
        assertThat(restarted.verify()).isEqualTo(ChainVerification.intact(6));
    }

    @Test
    void a_changed_record_is_found() {
        log.updateOne(Filters.eq("_id", 3L), Updates.set("actorId", "someone-else"));

        assertThat(chain.verify()).isEqualTo(ChainVerification.broken(2, 3L, ChainVerification.Finding.ALTERED));
    }

    @Test
    void a_changed_status_is_found() {
        log.updateOne(Filters.eq("_id", 4L), Updates.set("status", 404));

        assertThat(chain.verify()).isEqualTo(ChainVerification.broken(3, 4L, ChainVerification.Finding.ALTERED));
    }

    @Test
    void a_deleted_record_is_found() {
        log.deleteOne(Filters.eq("_id", 2L));

        assertThat(chain.verify()).isEqualTo(ChainVerification.broken(1, 2L, ChainVerification.Finding.REMOVED));
    }

    @Test
    void the_last_record_deleted_is_found() {
        log.deleteOne(Filters.eq("_id", 5L));

        assertThat(chain.verify()).isEqualTo(ChainVerification.broken(4, 5L, ChainVerification.Finding.REMOVED));
    }

    @Test
    void a_record_cut_off_the_end_with_the_head_moved_back_is_found() {
        Document fourth = log.find(Filters.eq("_id", 4L)).first();
        log.deleteOne(Filters.eq("_id", 5L));
        mongo.getCollection(ReadAccessChain.HEAD_COLLECTION).updateOne(Filters.eq("_id", "head"),
                Updates.combine(Updates.set("sequence", 4L), Updates.set("mac", fourth.get("mac"))));

        assertThat(chain.verify().finding()).isEqualTo(ChainVerification.Finding.HEAD_ALTERED);
    }

    @Test
    void a_record_slipped_in_is_found_whether_in_the_chain_or_beside_it() {
        log.insertOne(new Document("_id", "an-inserted-read").append("at", Date.from(Instant.now()))
                .append("actorId", "worker"));
        assertThat(chain.verify()).isEqualTo(ChainVerification.broken(5, null, ChainVerification.Finding.INSERTED));

        log.deleteOne(Filters.eq("_id", "an-inserted-read"));
        Document forged = read("worker", "P000007", 7).append("_id", 6L).append("mac", new Binary(new byte[32]));
        log.insertOne(forged);
        assertThat(chain.verify()).isEqualTo(ChainVerification.broken(5, 6L, ChainVerification.Finding.ALTERED));
    }

    private static Document read(String actor, String participantId, int second) {
        return new Document("at", Date.from(Instant.parse("2026-03-02T09:00:00Z").plusSeconds(second)))
                .append("actorId", actor).append("actorRole", "SERVICE_MANAGER")
                .append("endpoint", "/api/participants/{participantId}")
                .append("ids", Map.of("participantId", participantId))
                .append("referralId", null).append("participantId", participantId).append("query", null);
    }
}
