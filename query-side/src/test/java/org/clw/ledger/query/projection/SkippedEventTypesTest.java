package org.clw.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.clw.ledger.query.QuerySideApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Readiness and lag with a projection that ignores most event types, and many such events at the head of the store.
 * In the distributed topology Axon Server does not send a processor the types it has no handler for, so its token
 * stays behind the head although it has processed everything it handles: it is caught up (ready, lag 0) once the
 * handled events are processed, and not before. {@link BlocklistingEventStore} does here what Axon Server does; the
 * embedded store delivers every event and the token reaches the head.
 */
class SkippedEventTypesTest {

    private static final int IGNORED = 500;

    record Handled(int n) {
    }

    record Ignored(int n) {
    }

    /** A projection of its own that handles only {@link Handled}, each event held until the test lets it through. */
    @ProcessingGroup("skipping")
    static class SkippingProjection {

        final Semaphore gate = new Semaphore(0);
        final Semaphore entered = new Semaphore(0);
        final List<Integer> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(Handled event) throws InterruptedException {
            entered.release();
            assertThat(gate.tryAcquire(60, TimeUnit.SECONDS)).isTrue();
            handled.add(event.n());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Embedded {

        @Bean
        InMemoryEventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        @Bean
        SkippingProjection skippingProjection() {
            return new SkippingProjection();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Blocklisting {

        @Bean
        EventStore eventStore() {
            return new BlocklistingEventStore(EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine()).build());
        }

        @Bean
        SkippingProjection skippingProjection() {
            return new SkippingProjection();
        }
    }

    @Test
    void with_axon_servers_blocklisting_the_token_stays_behind_the_head_yet_the_projection_is_caught_up()
            throws InterruptedException {
        try (var app = start(Blocklisting.class)) {
            ProjectionStatus skipping = publishAndCatchUp(app, 1);
            assertThat(skipping.position()).as("the token stays where the first ignored event left it")
                    .isLessThan(skipping.headPosition() - IGNORED / 2);
            // Axon's caught-up flag stays set once caught up: new handled events must still make it not ready.
            skipping = publishAndCatchUp(app, 4);
            assertThat(skipping.position()).isLessThan(skipping.headPosition() - IGNORED / 2);
        }
    }

    @Test
    void with_the_embedded_store_the_token_moves_past_ignored_events_to_the_head() throws InterruptedException {
        try (var app = start(Embedded.class)) {
            ProjectionStatus skipping = publishAndCatchUp(app, 1);
            assertThat(skipping.position()).isEqualTo(skipping.headPosition());
            skipping = publishAndCatchUp(app, 4);
            assertThat(skipping.position()).isEqualTo(skipping.headPosition());
        }
    }

    /**
     * Three handled events (numbered from {@code first}) then many ignored ones: not ready while the handled ones
     * wait, ready with lag 0 after.
     */
    private static ProjectionStatus publishAndCatchUp(ConfigurableApplicationContext app, int first)
            throws InterruptedException {
        EventStore store = app.getBean(EventStore.class);
        ProjectionProgress progress = app.getBean(ProjectionProgress.class);
        HealthIndicator projections = app.getBean("projections", HealthIndicator.class);
        SkippingProjection projection = app.getBean(SkippingProjection.class);

        projection.entered.drainPermits();
        store.publish(IntStream.range(first, first + 3)
                .mapToObj(n -> GenericEventMessage.asEventMessage(new Handled(n))).toList());
        store.publish(IntStream.rangeClosed(1, IGNORED)
                .mapToObj(n -> GenericEventMessage.asEventMessage(new Ignored(n))).toList());
        long head = store.createHeadToken().position().orElseThrow();

        assertThat(projection.entered.tryAcquire(60, TimeUnit.SECONDS)).as("a handled event reached").isTrue();
        // Held by the gate from here on: once seen as behind, it stays so until the gate opens.
        await(() -> !progress.caughtUp());
        assertThat(projections.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(projections.health().getDetails().get("skipping")).asString().startsWith("catching up");
        assertThat(progress.status("skipping")).get().satisfies(status -> {
            assertThat(status.lag()).isPositive();
            assertThat(status.etaSeconds()).as("time to go: unknown until it moves, else more than none")
                    .satisfiesAnyOf(eta -> assertThat(eta).isNull(), eta -> assertThat(eta).isPositive());
        });

        projection.gate.release(3);
        await(progress::caughtUp);

        assertThat(projection.handled).containsExactlyElementsOf(IntStream.range(1, first + 3).boxed().toList());
        assertThat(projections.health().getStatus()).isEqualTo(Status.UP);
        assertThat(projections.health().getDetails()).containsEntry("skipping", "caught up")
                .containsEntry("cases", "caught up").containsEntry("settings", "caught up")
                .containsEntry("participants", "caught up");
        assertThat(progress.statuses()).allSatisfy(status -> {
            assertThat(status.lag()).as(status.name()).isZero();
            assertThat(status.etaSeconds()).as(status.name()).isZero();
            assertThat(status.headPosition()).isEqualTo(head);
        });
        return progress.status("skipping").orElseThrow();
    }

    private static ConfigurableApplicationContext start(Class<?> topology) {
        return new SpringApplicationBuilder(QuerySideApplication.class, topology).run("--server.port=0",
                "--axon.axonserver.enabled=false", "--clw.mongo.embedded=memory",
                "--spring.application.name=skipped-event-types",
                "--axon.eventhandling.processors.skipping.mode=pooled",
                "--axon.eventhandling.processors.skipping.initial-segment-count=1",
                "--axon.eventhandling.processors.skipping.batch-size=1");
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(condition);
    }

    /**
     * An event store whose streams stop delivering a payload type once a processor says it has no handler for it, as
     * Axon Server's event blocklisting does.
     */
    static final class BlocklistingEventStore implements EventStore {

        private final EventStore delegate;

        BlocklistingEventStore(EventStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new BlocklistingStream(delegate.openStream(trackingToken));
        }

        @Override
        public TrackingToken createTailToken() {
            return delegate.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return delegate.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(java.time.Instant dateTime) {
            return delegate.createTokenAt(dateTime);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier) {
            return delegate.readEvents(aggregateIdentifier);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            delegate.storeSnapshot(snapshot);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return delegate.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public void publish(List<? extends EventMessage<?>> events) {
            delegate.publish(events);
        }

        @Override
        public Registration subscribe(Consumer<List<? extends EventMessage<?>>> messageProcessor) {
            return delegate.subscribe(messageProcessor);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super EventMessage<?>> dispatchInterceptor) {
            return delegate.registerDispatchInterceptor(dispatchInterceptor);
        }
    }

    private static final class BlocklistingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private final Set<Class<?>> blocked = ConcurrentHashMap.newKeySet();

        BlocklistingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            blocked.add(ignoredMessage.getPayloadType());
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            dropBlocked();
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                dropBlocked();
                if (delegate.peek().isPresent()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !delegate.hasNextAvailable((int) Math.min(left, Integer.MAX_VALUE),
                        TimeUnit.NANOSECONDS)) {
                    return false;
                }
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (true) {
                TrackedEventMessage<?> next = delegate.nextAvailable();
                if (!blocked.contains(next.getPayloadType())) {
                    return next;
                }
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return delegate.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            delegate.close();
        }

        private void dropBlocked() {
            try {
                while (delegate.peek().filter(event -> blocked.contains(event.getPayloadType())).isPresent()) {
                    delegate.nextAvailable();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
