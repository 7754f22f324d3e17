package org.clw.ledger.query.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Where a store that does not send a processor the event types it has no handler for (Axon Server's event
 * blocklisting) puts each projection's last handled event: one stream from the head at start, itself block-listing
 * the types no projection handles, records for each projection the newest position of an event it handles. A
 * projection whose token is short of that still has work, although its caught-up flag (which Axon sets once per claim
 * and never clears) says otherwise. Axon's embedded store delivers every event, so there the head itself is the
 * mark and this stream is not opened.
 */
@Component
class HandledEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HandledEvents.class);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Map<String, Long> newest = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread follower;

    HandledEvents(EventStore eventStore, EventProcessingConfiguration processing) {
        this.eventStore = eventStore;
        this.processing = processing;
    }

    /** Whether the store skips event types for a processor, so that its token may legitimately stay behind. */
    boolean blocklisting() {
        return !(eventStore instanceof EmbeddedEventStore);
    }

    /** The newest position seen of an event the projection handles; -1 before any. */
    long newest(String projection) {
        return newest.getOrDefault(projection, -1L);
    }

    @Override
    public synchronized void start() {
        running = true;
        if (blocklisting()) {
            follower = new Thread(this::follow, "clw-handled-events");
            follower.setDaemon(true);
            follower.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (follower != null) {
            follower.interrupt();
            try {
                follower.join(10_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            follower = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        TrackingToken from = null;
        while (running) {
            try {
                if (from == null) {
                    from = eventStore.createHeadToken();
                }
                try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
                    while (running) {
                        if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                            TrackedEventMessage<?> event = stream.nextAvailable();
                            from = event.trackingToken();
                            if (!record(event)) {
                                stream.skipMessagesWithPayloadTypeOf(event);
                            }
                        }
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unavailable) {
                // The store is out of reach (Axon Server restarting): try again from the last event seen.
                log.debug("Following the handled events failed; retrying in a second", unavailable);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Records the event for the projections that handle its type; false when none does. */
    private boolean record(TrackedEventMessage<?> event) {
        long position = Positions.of(event.trackingToken());
        boolean handled = false;
        for (var processor : processing.eventProcessors().entrySet()) {
            if (processor.getValue() instanceof AbstractEventProcessor streaming && handles(
                    streaming.eventHandlerInvoker(), event)) {
                newest.merge(processor.getKey(), position, Math::max);
                handled = true;
            }
        }
        return handled;
    }

    private static boolean handles(EventHandlerInvoker invoker, TrackedEventMessage<?> event) {
        return invoker.canHandleType(event.getPayloadType());
    }
}
