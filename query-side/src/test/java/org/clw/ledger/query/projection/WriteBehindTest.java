package org.clw.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Write-behind as a specification, without Spring: a batch far from the head is carried into the next, its token held
 * back; the stored token never passes a change that is not written; a stop writes what is carried with its token, a
 * rollback or a new claim drops it. Against the in-process MongoDB wire server and Axon's in-memory token store.
 */
class WriteBehindTest {

    private static final String GROUP = WriteBehind.GROUP;
    private static final long HEAD = 10_000;

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final InMemoryTokenStore stored = new InMemoryTokenStore();
    private final List<Map<String, Set<String>>> told = new ArrayList<>();
    private long head = HEAD;
    private int headReads;
    private WriteBehind writeBehind;
    private WriteBehindTokenStore tokens;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "write-behind-test");
        writeBehind = writeBehind(5, 4_096);
        tokens = new WriteBehindTokenStore(stored, writeBehind);
        tokens.initializeTokenSegments(GROUP, 1, new GlobalSequenceTrackingToken(0));
        tokens.fetchToken(GROUP, 0);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private WriteBehind writeBehind(int maxEvents, int maxDocuments) {
        return new WriteBehind(() -> {
            headReads++;
            return head;
        }, told::add, 100, maxEvents, maxDocuments);
    }

    @Test
    void a_batch_far_from_the_head_is_carried_its_token_held_back_until_the_batch_that_writes_it() {
        ProjectionBatch first = batch(1, 3, "a");
        assertThat(writeBehind.mayCarry(first, () -> true)).isTrue();
        writeBehind.carry(first);
        tokens.storeToken(token(3), GROUP, 0);

        assertThat(storedPosition()).as("held back").isZero();
        assertThat(written()).isEmpty();
        assertThat(writeBehind.carrying()).isTrue();

        ProjectionBatch next = writeBehind.takeUp(messages(4, 6));
        assertThat(next).isSameAs(first);
        change(next, "b");
        assertThat(next.events()).isEqualTo(6);
        // The bound on events is reached: this batch writes everything it took in, then its token is stored.
        assertThat(writeBehind.mayCarry(next, () -> true)).isFalse();
        next.flush();
        writeBehind.writtenByBatch();
        tokens.storeToken(token(6), GROUP, 0);

        assertThat(written()).containsExactly("a", "b");
        assertThat(storedPosition()).isEqualTo(6);
        assertThat(writeBehind.carrying()).isFalse();
    }

    @Test
    void a_batch_within_the_margin_of_the_head_or_not_processing_the_whole_stream_is_not_carried() {
        head = 50;
        assertThat(writeBehind.mayCarry(batch(1, 3, "a"), () -> true)).isFalse();
        head = HEAD;
        assertThat(writeBehind(10, 4_096).mayCarry(batch(1, 3, "a"), () -> false)).isFalse();
    }

    @Test
    void a_head_read_far_ahead_is_not_read_again_while_the_batches_stay_far_from_it() {
        assertThat(writeBehind.mayCarry(batch(1, 3, "a"), () -> true)).isTrue();
        assertThat(writeBehind.mayCarry(batch(4, 6, "b"), () -> true)).isTrue();
        assertThat(headReads).isOne();
    }

    @Test
    void a_batch_is_carried_only_within_its_bounds_of_events_and_documents() {
        WriteBehind fewDocuments = writeBehind(1_000, 2);
        ProjectionBatch batch = batch(1, 3, "a");
        assertThat(fewDocuments.mayCarry(batch, () -> true)).isTrue();
        change(batch, "b");
        assertThat(fewDocuments.mayCarry(batch, () -> true)).isFalse();
        assertThat(writeBehind(0, 4_096).mayCarry(batch(1, 1, "a"), () -> true)).as("max-events 0: off").isFalse();
    }

    @Test
    void a_token_stored_past_a_carried_batch_without_a_batch_of_its_own_writes_the_carried_batch_first() {
        writeBehind.carry(batch(1, 3, "a"));
        tokens.storeToken(token(3), GROUP, 0);

        // Events the group ignores, or an idle claim renewal: the processor stores a later token of its own accord.
        tokens.storeToken(token(9), GROUP, 0);

        assertThat(written()).containsExactly("a");
        assertThat(storedPosition()).isEqualTo(9);
        assertThat(told).singleElement().isEqualTo(Map.of("docs", Set.of("a")));
        assertThat(writeBehind.carrying()).isFalse();
    }

    @Test
    void a_stop_writes_what_is_carried_and_stores_its_token_before_releasing_the_claim() {
        writeBehind.carry(batch(1, 3, "a"));
        tokens.storeToken(token(3), GROUP, 0);

        tokens.releaseClaim(GROUP, 0);

        assertThat(written()).containsExactly("a");
        assertThat(storedPosition()).isEqualTo(3);
        assertThat(writeBehind.carrying()).isFalse();
    }

    @Test
    void a_batch_rolled_back_or_a_claim_taken_afresh_drops_what_is_carried_and_the_token_stays_behind_it() {
        writeBehind.carry(batch(1, 3, "a"));
        tokens.storeToken(token(3), GROUP, 0);
        ProjectionBatch next = writeBehind.takeUp(messages(4, 6));
        change(next, "b");
        // A crash here loses nothing that the stored token covers: it is still before every carried event.
        assertThat(storedPosition()).isZero();
        writeBehind.discard();
        tokens.releaseClaim(GROUP, 0);
        assertThat(written()).isEmpty();
        assertThat(storedPosition()).isZero();

        writeBehind.carry(batch(1, 3, "a"));
        tokens.storeToken(token(3), GROUP, 0);
        tokens.fetchToken(GROUP, 0);
        assertThat(writeBehind.carrying()).isFalse();
        tokens.releaseClaim(GROUP, 0);
        assertThat(written()).isEmpty();
    }

    @Test
    void a_token_stored_while_a_batch_holding_carried_changes_is_open_is_held_back() {
        writeBehind.carry(batch(1, 3, "a"));
        tokens.storeToken(token(3), GROUP, 0);
        writeBehind.takeUp(messages(4, 6));

        tokens.storeToken(token(6), GROUP, 0);

        assertThat(storedPosition()).isZero();
        assertThat(written()).isEmpty();
    }

    @Test
    void a_carried_batch_is_dropped_when_the_next_batch_starts_at_an_event_it_already_holds() {
        writeBehind.carry(batch(1, 3, "a"));
        tokens.storeToken(token(3), GROUP, 0);

        assertThat(writeBehind.takeUp(messages(2, 4))).isNull();
        assertThat(writeBehind.carrying()).isFalse();
    }

    /** A batch of the events at these positions that changed one document. */
    private ProjectionBatch batch(long from, long to, String document) {
        ProjectionBatch batch = new ProjectionBatch(mongo, GROUP, messages(from, to));
        change(batch, document);
        return batch;
    }

    private static void change(ProjectionBatch batch, String document) {
        Staged writes = batch.stage();
        writes.replace("docs", document, new Document("_id", document));
        batch.commit(writes);
    }

    private static List<TrackedEventMessage<?>> messages(long from, long to) {
        return LongStream.rangeClosed(from, to).<TrackedEventMessage<?>>mapToObj(position ->
                new GenericTrackedEventMessage<>(token(position), GenericEventMessage.asEventMessage("e" + position)))
                .toList();
    }

    private static GlobalSequenceTrackingToken token(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private List<String> written() {
        return mongo.getCollection("docs").find().sort(new Document("_id", 1))
                .map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    private long storedPosition() {
        return Positions.of(stored.fetchToken(GROUP, 0));
    }
}
