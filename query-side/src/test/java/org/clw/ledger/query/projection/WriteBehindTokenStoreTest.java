package org.clw.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch carried over during a replay holds its group's token back: the stored token never passes a change that is
 * not written, and whatever is carried when the claim goes is dropped, not written. Plain Java, no Spring, no MongoDB.
 */
class WriteBehindTokenStoreTest {

    private static final String GROUP = "cases";

    private final InMemoryTokenStore stored = new InMemoryTokenStore();
    private final WriteBehind writeBehind = new WriteBehind(20_000, 4_096);
    private final WriteBehindTokenStore tokens = new WriteBehindTokenStore(stored, writeBehind);
    private final List<String> written = new ArrayList<>();

    @BeforeEach
    void claim() {
        tokens.initializeTokenSegments(GROUP, 1, new GlobalSequenceTrackingToken(0));
        tokens.fetchToken(GROUP, 0);
    }

    @Test
    void the_token_of_a_carried_batch_is_held_back_and_stored_with_the_batch_that_writes_it() {
        ProjectionBatch batch = new ProjectionBatch(null, GROUP, List.of());
        writeBehind.carry(GROUP, batch, () -> written.add("carried"));
        tokens.storeToken(new GlobalSequenceTrackingToken(1_000), GROUP, 0);

        assertThat(stored.fetchToken(GROUP, 0)).isEqualTo(new GlobalSequenceTrackingToken(0));
        assertThat(writeBehind.take(GROUP, null)).isSameAs(batch);

        // The next batch wrote everything itself (not carried): its token is stored.
        tokens.storeToken(new GlobalSequenceTrackingToken(2_000), GROUP, 0);
        assertThat(stored.fetchToken(GROUP, 0)).isEqualTo(new GlobalSequenceTrackingToken(2_000));
        assertThat(written).isEmpty();
    }

    @Test
    void a_token_stored_past_a_carried_batch_without_a_batch_of_its_own_writes_the_carried_batch_first() {
        writeBehind.carry(GROUP, new ProjectionBatch(null, GROUP, List.of()), () -> written.add("carried"));
        tokens.storeToken(new GlobalSequenceTrackingToken(1_000), GROUP, 0);

        // Events the group ignores: the processor stores its progress without handling a batch.
        tokens.storeToken(new GlobalSequenceTrackingToken(1_010), GROUP, 0);

        assertThat(written).containsExactly("carried");
        assertThat(stored.fetchToken(GROUP, 0)).isEqualTo(new GlobalSequenceTrackingToken(1_010));
        assertThat(writeBehind.take(GROUP, null)).isNull();
    }

    @Test
    void what_is_carried_when_the_claim_is_released_is_dropped_and_processed_again() {
        writeBehind.carry(GROUP, new ProjectionBatch(null, GROUP, List.of()), () -> written.add("carried"));
        tokens.storeToken(new GlobalSequenceTrackingToken(1_000), GROUP, 0);
        tokens.releaseClaim(GROUP, 0);

        assertThat(writeBehind.take(GROUP, null)).isNull();
        assertThat(tokens.fetchToken(GROUP, 0)).isEqualTo(new GlobalSequenceTrackingToken(0));
        assertThat(written).isEmpty();
    }

    @Test
    void a_carried_batch_goes_on_only_into_the_batch_that_follows_it() {
        ProjectionBatch batch = new ProjectionBatch(null, GROUP, List.of(tracked(999), tracked(1_000)));
        writeBehind.carry(GROUP, batch, () -> written.add("carried"));
        assertThat(writeBehind.take(GROUP, new GlobalSequenceTrackingToken(1_001))).isSameAs(batch);

        // The processor started again from its stored token: what is carried is processed again, so it is dropped.
        writeBehind.carry(GROUP, batch, () -> written.add("carried"));
        assertThat(writeBehind.take(GROUP, new GlobalSequenceTrackingToken(1))).isNull();
        assertThat(written).isEmpty();
    }

    @Test
    void a_batch_is_carried_only_within_its_bounds() {
        WriteBehind small = new WriteBehind(3, 4_096);
        ProjectionBatch batch = new ProjectionBatch(null, GROUP, List.of());
        assertThat(small.mayCarry(batch)).isTrue();
        batch.next(List.of(message(), message(), message()));
        assertThat(small.mayCarry(batch)).isFalse();
    }

    private static org.axonframework.eventhandling.TrackedEventMessage<?> tracked(long position) {
        return new org.axonframework.eventhandling.GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(position), message());
    }

    private static org.axonframework.eventhandling.EventMessage<?> message() {
        return org.axonframework.eventhandling.GenericEventMessage.asEventMessage("event");
    }
}
