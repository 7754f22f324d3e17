package org.clw.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.query.FixedHistory;
import org.clw.ledger.query.InMemoryEvents;
import org.clw.ledger.query.QuerySideApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The real {@code cases} projection rebuilding the fixed history with write-behind in batches of three events, at
 * most twelve carried, written within five events of the head: the replay is carried over several batches and
 * rebuilds the same documents; every token the group stores is covered by the documents written (no case stands
 * before its last event up to that token); while changes are carried the projection is not caught up; and a crash
 * mid-carry (the carried changes lost) or between a write and its token converges once processing resumes from the
 * stored token.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = {
        "axon.axonserver.enabled=false", "clw.mongo.embedded=memory", "spring.application.name=write-behind-replay",
        "axon.eventhandling.processors.cases.batch-size=3",
        "clw.projections.write-behind.margin=5", "clw.projections.write-behind.max-events=12"})
@Import({InMemoryEvents.class, WriteBehindReplayTest.Watching.class})
class WriteBehindReplayTest {

    private static final List<String> COLLECTIONS = List.of("cases", "caseloads", "waiting_lists", "statistics",
            "timeline", "programme", "audit_trail", "uptake");

    @Autowired
    EventStore eventStore;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoOperations mongo;
    @Autowired
    WatchedTokenStore tokens;
    @Autowired
    WriteBehind writeBehind;

    private Map<String, List<String>> built;

    @BeforeEach
    void build() {
        if (mongo.getCollection("cases").countDocuments() == 0) {
            FixedHistory.publish(eventStore);
        }
        InMemoryEvents.awaitCaughtUp(progress, processing);
        built = InMemoryEvents.documents(mongo, COLLECTIONS);
        tokens.watch(caseEvents(), mongo, progress, writeBehind);
    }

    @Test
    void a_replay_carried_over_several_batches_rebuilds_the_same_documents_and_stores_no_token_past_them() {
        replay();

        assertThat(InMemoryEvents.documents(mongo, COLLECTIONS)).isEqualTo(built);
        assertThat(tokens.heldBack.get()).as("tokens held back while carried").isGreaterThanOrEqualTo(3);
        assertThat(tokens.stored.get()).as("tokens stored during the replay").isPositive();
        assertThat(tokens.violations).as("tokens stored past unwritten changes").isEmpty();
        assertThat(tokens.whileCarried).as("readiness and lag while changes were carried").isNotEmpty()
                .containsOnly("behind");
    }

    @Test
    void a_crash_mid_carry_or_between_a_write_and_its_token_converges_from_the_stored_token() {
        // Lost: the carried changes of the second held-back batch (its claim cannot be extended), then the token of
        // the next written batch (its documents are written, its token is not): each time the processor drops what
        // it holds and starts again from its stored token, as after a crash.
        tokens.failExtendAt = 2;
        tokens.failNextStoreAfterExtendFailure = true;

        replay();

        assertThat(tokens.failures.get()).as("crashes injected").isEqualTo(2);
        assertThat(InMemoryEvents.documents(mongo, COLLECTIONS)).isEqualTo(built);
        assertThat(tokens.violations).isEmpty();
    }

    private void replay() {
        StreamingEventProcessor cases = processing.eventProcessor(WriteBehind.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        cases.shutDown();
        cases.resetTokens();
        cases.start();
        InMemoryEvents.awaitCaughtUp(progress, processing);
    }

    record CaseEventAt(long position, String referralId) {
    }

    /** Each case event's stream position and case, in stream order. */
    private List<CaseEventAt> caseEvents() {
        List<CaseEventAt> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event.getPayload() instanceof CaseEvent caseEvent) {
                    events.add(new CaseEventAt(Positions.of(event.trackingToken()), caseEvent.referralId().value()));
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        return events;
    }

    /**
     * The token store under the group's write-behind: on every token it stores for {@code cases}, checks that each
     * case's document has applied the case's last event up to that token; on every claim extended instead (a token
     * held back), records whether the projection said it was caught up; and fails on request, as a crash would.
     */
    static final class WatchedTokenStore implements TokenStore {

        private final TokenStore delegate;

        final AtomicInteger heldBack = new AtomicInteger();
        final AtomicInteger stored = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final List<String> violations = new CopyOnWriteArrayList<>();
        final List<String> whileCarried = new CopyOnWriteArrayList<>();
        volatile int failExtendAt;
        volatile boolean failNextStoreAfterExtendFailure;
        private volatile List<CaseEventAt> caseEvents;
        private volatile WriteBehind writeBehind;
        private volatile MongoOperations mongo;
        private volatile ProjectionProgress progress;

        WatchedTokenStore(TokenStore delegate) {
            this.delegate = delegate;
        }

        void watch(List<CaseEventAt> events, MongoOperations mongo, ProjectionProgress progress,
                WriteBehind writeBehind) {
            this.caseEvents = events;
            this.writeBehind = writeBehind;
            this.mongo = mongo;
            this.progress = progress;
            heldBack.set(0);
            stored.set(0);
            failures.set(0);
            violations.clear();
            whileCarried.clear();
            failExtendAt = 0;
            failNextStoreAfterExtendFailure = false;
        }

        @Override
        public void extendClaim(String processorName, int segment) {
            // A token held back; not an idle claim renewal, which happens with nothing carried.
            if (WriteBehind.GROUP.equals(processorName) && caseEvents != null && writeBehind.carrying()) {
                int held = heldBack.incrementAndGet();
                whileCarried.add(progress.caughtUp() ? "caught up"
                        : progress.status(processorName).orElseThrow().lag() == 0 ? "lag 0" : "behind");
                if (held == failExtendAt) {
                    failures.incrementAndGet();
                    throw new IllegalStateException("Injected crash while changes are carried");
                }
            }
            delegate.extendClaim(processorName, segment);
        }

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            if (WriteBehind.GROUP.equals(processorName) && caseEvents != null) {
                stored.incrementAndGet();
                check(Positions.of(token));
                if (failNextStoreAfterExtendFailure && failures.get() == 1 && Positions.of(token) > 0) {
                    failNextStoreAfterExtendFailure = false;
                    failures.incrementAndGet();
                    throw new IllegalStateException("Injected crash between a write and its token");
                }
            }
            delegate.storeToken(token, processorName, segment);
        }

        @Override
        public TrackingToken fetchToken(String processorName, int segment) {
            return delegate.fetchToken(processorName, segment);
        }

        @Override
        public TrackingToken fetchToken(String processorName, Segment segment) {
            return delegate.fetchToken(processorName, segment);
        }

        @Override
        public void releaseClaim(String processorName, int segment) {
            delegate.releaseClaim(processorName, segment);
        }

        @Override
        public void deleteToken(String processorName, int segment) {
            delegate.deleteToken(processorName, segment);
        }

        @Override
        public void initializeTokenSegments(String processorName, int segmentCount) {
            delegate.initializeTokenSegments(processorName, segmentCount);
        }

        @Override
        public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
            delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
        }

        @Override
        public void initializeSegment(TrackingToken token, String processorName, int segment) {
            delegate.initializeSegment(token, processorName, segment);
        }

        @Override
        public boolean requiresExplicitSegmentInitialization() {
            return delegate.requiresExplicitSegmentInitialization();
        }

        @Override
        public int[] fetchSegments(String processorName) {
            return delegate.fetchSegments(processorName);
        }

        @Override
        public List<Segment> fetchAvailableSegments(String processorName) {
            return delegate.fetchAvailableSegments(processorName);
        }

        @Override
        public Optional<String> retrieveStorageIdentifier() {
            return delegate.retrieveStorageIdentifier();
        }

        private void check(long position) {
            Map<String, Long> last = new HashMap<>();
            caseEvents.stream().filter(event -> event.position() <= position)
                    .forEach(event -> last.put(event.referralId(), event.position()));
            last.forEach((referral, eventPosition) -> {
                Document stored = mongo.getCollection("cases").find(new Document("_id", referral)).first();
                long applied = stored == null ? -1 : ((Number) stored.get("position")).longValue();
                if (applied < eventPosition) {
                    violations.add("token " + position + ": " + referral + " at " + applied + ", its event at "
                            + eventPosition + " not written");
                }
            });
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Watching {

        /** Every group's token store, as the configuration's own, watched; the write-behind wraps it for cases. */
        @Bean
        @Primary
        WatchedTokenStore watchedTokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
            return new WatchedTokenStore(MongoTokenStore.builder().mongoTemplate(axonMongoTemplate)
                    .serializer(serializer).build());
        }
    }
}
