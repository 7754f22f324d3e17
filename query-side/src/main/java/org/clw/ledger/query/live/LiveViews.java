package org.clw.ledger.query.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.clw.ledger.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Streams a live view as server-sent events: an Axon subscription query whose initial result is the first
 * {@code view} event, and whose updates ({@link Changed}) make the stream ask its query again and send the answer
 * when it differs from the last one sent. The query carries the caller resolved on the server, so every answer is
 * filtered as the REST read is. Bounded: at most {@code clw.live.streams-per-user} open streams per user (a
 * {@code 429} beyond), each open at most {@code clw.live.lifetime} (the client then reconnects, and is authenticated
 * again), with a comment every {@code clw.live.heartbeat} so that a client that went away is noticed and its
 * subscription closed.
 */
@Component
public class LiveViews implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LiveViews.class);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final QueryGateway queries;
    private final int streamsPerUser;
    private final Duration heartbeat;
    private final Duration lifetime;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Set<LiveStream<?>> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-view-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    // Answers are read off the projection threads: an update is emitted on the thread that committed the batch.
    private final Scheduler answers = Schedulers.newBoundedElastic(4, 10_000, "live-view");

    LiveViews(QueryGateway queries, MeterRegistry meters,
            @Value("${clw.live.streams-per-user:10}") int streamsPerUser,
            @Value("${clw.live.heartbeat:PT5S}") Duration heartbeat,
            @Value("${clw.live.lifetime:PT15M}") Duration lifetime) {
        if (streamsPerUser < 1 || streamsPerUser > 50) {
            throw new IllegalArgumentException("clw.live.streams-per-user must be between 1 and 50");
        }
        if (heartbeat.compareTo(Duration.ofMillis(100)) < 0 || heartbeat.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("clw.live.heartbeat must be between 100 ms and 5 minutes");
        }
        if (lifetime.compareTo(Duration.ofSeconds(10)) < 0 || lifetime.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("clw.live.lifetime must be between 10 seconds and 24 hours");
        }
        this.queries = queries;
        this.streamsPerUser = streamsPerUser;
        this.heartbeat = heartbeat;
        this.lifetime = lifetime;
        Gauge.builder("clw.live.streams", total, AtomicInteger::get)
                .description("Open live-view streams (server-sent events)").register(meters);
    }

    /**
     * Opens a stream of the query's answers for the caller.
     *
     * @param absent the detail of the {@code 404} when the query answers nothing (null)
     */
    public <R> SseEmitter follow(Caller caller, Object query, Class<R> view, String absent) {
        return follow(caller, query, ResponseTypes.instanceOf(view), absent);
    }

    public <R> SseEmitter follow(Caller caller, Object query, ResponseType<R> view, String absent) {
        AtomicInteger mine = open.computeIfAbsent(caller.username(), name -> new AtomicInteger());
        if (mine.incrementAndGet() > streamsPerUser) {
            mine.decrementAndGet();
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                    "At most " + streamsPerUser + " live views may be open at once");
        }
        total.incrementAndGet();
        LiveStream<R> stream = new LiveStream<>(mine, query, view);
        streams.add(stream);
        try {
            stream.subscribe(absent);
        } catch (RuntimeException failed) {
            stream.close();
            throw failed;
        }
        return stream.emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        running = false;
        streams.forEach(LiveStream::end);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void release() {
        heartbeats.shutdownNow();
        answers.dispose();
    }

    private final class LiveStream<R> {

        private final AtomicInteger mine;
        private final Object query;
        private final ResponseType<R> view;
        private final SseEmitter emitter = new SseEmitter(lifetime.toMillis());
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Object last;
        private SubscriptionQueryResult<R, Changed> result;
        private Disposable updates;
        private ScheduledFuture<?> beat;

        LiveStream(AtomicInteger mine, Object query, ResponseType<R> view) {
            this.mine = mine;
            this.query = query;
            this.view = view;
        }

        void subscribe(String absent) {
            result = queries.subscriptionQuery(query, view, ResponseTypes.instanceOf(Changed.class));
            R initial = result.initialResult().block(ANSWER_TIMEOUT);
            if (initial == null) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, absent);
            }
            emitter.onCompletion(this::close);
            emitter.onTimeout(emitter::complete);
            emitter.onError(error -> close());
            send(initial);
            // Changes that come faster than the answers collapse into one: only the latest view matters.
            updates = result.updates().onBackpressureLatest().publishOn(answers, 1)
                    .subscribe(change -> answerAgain(), error -> end(), emitter::complete);
            beat = heartbeats.scheduleAtFixedRate(this::beat, heartbeat.toMillis(), heartbeat.toMillis(),
                    TimeUnit.MILLISECONDS);
            if (closed.get()) {
                // The client went while this was being set up, before close() could see what to release.
                beat.cancel(false);
                updates.dispose();
            }
        }

        private void answerAgain() {
            if (closed.get()) {
                return;
            }
            try {
                R now = queries.query(query, view).get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (now != null && !Objects.equals(now, last)) {
                    send(now);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                end();
            } catch (Exception failed) {
                // Only the type: a query's failure may quote what it was asked about.
                LOG.warn("A live view could not be answered again ({}); the stream ends, the client reconnects",
                        failed.getClass().getSimpleName());
                end();
            }
        }

        private void send(Object answer) {
            try {
                emitter.send(SseEmitter.event().name("view").data(answer, MediaType.APPLICATION_JSON));
                last = answer;
            } catch (IOException | IllegalStateException gone) {
                close();
            }
        }

        private void beat() {
            try {
                emitter.send(SseEmitter.event().comment("live"));
            } catch (IOException | IllegalStateException gone) {
                close();
            }
        }

        void end() {
            close();
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyDone) {
                // the response has gone with its client
            }
        }

        void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            if (beat != null) {
                beat.cancel(false);
            }
            if (updates != null) {
                updates.dispose();
            }
            if (result != null) {
                result.close();
            }
            streams.remove(this);
            mine.decrementAndGet();
            total.decrementAndGet();
        }
    }
}
