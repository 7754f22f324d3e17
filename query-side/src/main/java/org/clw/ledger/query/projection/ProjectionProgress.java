package org.clw.ledger.query.projection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where every projection stands against the event store: whether all have caught up, and each one's position, lag,
 * rate and replay progress. The rate comes from positions sampled every second over the last ten seconds.
 *
 * <p>"Caught up" is the processor's own per-segment state, not head minus token: Axon Server does not send a
 * processor the event types it has no handler for, so there its token legitimately stays behind the head. A
 * segment's caught-up flag, once set, stays set while new events arrive, so a segment must also have reached the
 * head (Axon's embedded store delivers every event, and the token moves past the ignored ones too) or, with Axon
 * Server, the newest event the projection handles ({@link HandledEvents}).
 *
 * <p>A projection is caught up on this instance when each of its segments is claimed here and caught up, or claimed
 * by another live instance (a claim renewed within the token store's claim timeout), unless this is the only
 * instance ({@code clw.projections.single-instance}): there a claim not held here is a killed process's and counts
 * for nothing. The lag shown agrees: 0 exactly when caught up. A projection that holds changes not yet written
 * ({@link WriteBehind}) is catching up, wherever its position stands.
 */
@Component
public class ProjectionProgress {

    private static final long RATE_WINDOW_NANOS = 10_000_000_000L;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final HandledEvents handledEvents;
    private final MongoTemplate axonMongoTemplate;
    private final Serializer serializer;
    private final WriteBehind writeBehind;
    private final boolean singleInstance;
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final Map<String, ProjectionStatus> latest = new ConcurrentHashMap<>();

    ProjectionProgress(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
            HandledEvents handledEvents, MongoTemplate axonMongoTemplate, Serializer serializer, WriteBehind writeBehind,
            @Value("${clw.projections.single-instance:false}") boolean singleInstance) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.handledEvents = handledEvents;
        this.axonMongoTemplate = axonMongoTemplate;
        this.serializer = serializer;
        this.writeBehind = writeBehind;
        this.singleInstance = singleInstance;
    }

    private record Sample(long nanos, long position) {
    }

    /** One projection's status with whether it is caught up on this instance and, if not, why. */
    record Assessment(ProjectionStatus status, boolean caughtUp, String state) {
    }

    public boolean caughtUp() {
        return assessments().stream().allMatch(Assessment::caughtUp);
    }

    public List<ProjectionStatus> statuses() {
        return assessments().stream().map(Assessment::status).toList();
    }

    public Optional<ProjectionStatus> status(String name) {
        return Optional.ofNullable(processors().get(name))
                .map(processor -> assess(name, processor, head()).status());
    }

    List<Assessment> assessments() {
        long head = head();
        return processors().entrySet().stream()
                .map(entry -> assess(entry.getKey(), entry.getValue(), head))
                .sorted(Comparator.comparing(assessment -> assessment.status().name()))
                .toList();
    }

    Map<String, StreamingEventProcessor> processors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .collect(Collectors.toMap(Map.Entry::getKey,
                        entry -> (StreamingEventProcessor) entry.getValue()));
    }

    @Scheduled(fixedDelay = 1000)
    void sample() {
        long now = System.nanoTime();
        processors().forEach((name, processor) -> {
            Deque<Sample> window = samples.computeIfAbsent(name, ignored -> new ArrayDeque<>());
            synchronized (window) {
                window.addLast(new Sample(now, position(processor.processingStatus())));
                while (now - window.peekFirst().nanos() > RATE_WINDOW_NANOS) {
                    window.removeFirst();
                }
            }
        });
        statuses().forEach(status -> latest.put(status.name(), status));
    }

    /** The status taken at the last sampling, for metrics that must not query the store on every scrape. */
    Optional<ProjectionStatus> sampled(String name) {
        return Optional.ofNullable(latest.get(name));
    }

    /**
     * Every status as taken at the last sampling (at most a second old), for the live view, which must not query
     * the token store for each projection every second per follower; fresh ones before the first sampling.
     */
    List<ProjectionStatus> sampled() {
        List<ProjectionStatus> sampled = latest.values().stream()
                .sorted(Comparator.comparing(ProjectionStatus::name)).toList();
        return sampled.size() == processors().size() ? sampled : statuses();
    }

    /**
     * Whether some of the projection's segments are claimed by another live instance, which alone can reset them:
     * not here ({@code clw.projections.single-instance}), where a claim not held by this process is a dead one's.
     */
    boolean processedElsewhere(String name, StreamingEventProcessor processor) {
        return !singleInstance && !claimedElsewhere(name, processor.processingStatus(), tokenStore.fetchSegments(name))
                .isEmpty();
    }

    /** Forgets a projection's rate, whose position has just gone back to the start. */
    void restarted(String name) {
        samples.remove(name);
    }

    private long head() {
        return Positions.of(eventStore.createHeadToken());
    }

    private Assessment assess(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        String state = state(name, segments, head);
        // A standby claims nothing: where the projection stands is the owner's stored token.
        long position = state.equals(ELSEWHERE) ? storedPosition(name) : position(segments);
        boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean replaying = processor.isReplaying();
        boolean caughtUp = state.equals(CAUGHT_UP) || state.equals(ELSEWHERE);
        // Changes carried (WriteBehind) are not in the read models yet: behind, even at the head's position.
        long lag = caughtUp ? 0 : Math.max(carrying(name) ? 1 : 0, head - position);
        double rate = rate(name);
        Double replayPercent = null;
        long target = head;
        OptionalLong resetPosition = segments.values().stream()
                .map(EventTrackerStatus::getResetPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .max();
        if (replaying && resetPosition.isPresent() && resetPosition.getAsLong() > 0) {
            target = resetPosition.getAsLong();
            replayPercent = Math.min(100.0, Math.floor(Math.max(0, position) * 1000.0 / target) / 10);
        }
        Long eta = caughtUp || position >= target ? Long.valueOf(0)
                : rate > 0 ? Long.valueOf((long) Math.ceil((target - position) / rate)) : null;
        return new Assessment(new ProjectionStatus(name, processor.isRunning(), replaying, error, position, head, lag,
                Math.round(rate * 10) / 10.0, replayPercent, eta, state), caughtUp, state);
    }

    static final String CAUGHT_UP = "caught up";
    static final String ELSEWHERE = "caught up on another instance";

    /** {@link #CAUGHT_UP}, {@link #ELSEWHERE} or why the projection is not caught up on this instance. */
    private String state(String name, Map<Integer, EventTrackerStatus> claimed, long head) {
        if (claimed.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return "failing";
        }
        long mark = handledEvents.blocklisting() ? handledEvents.newest(name) : head;
        if (carrying(name) || !claimed.values().stream().allMatch(segment -> segment.isCaughtUp()
                && segment.getCurrentPosition().orElse(-1) >= mark)) {
            return "catching up";
        }
        int[] segments = tokenStore.fetchSegments(name);
        Set<Integer> unclaimed = Arrays.stream(segments).boxed()
                .filter(segment -> !claimed.containsKey(segment))
                .collect(Collectors.toSet());
        if (unclaimed.isEmpty()) {
            return claimed.isEmpty() ? "not started" : CAUGHT_UP;
        }
        if (singleInstance) {
            return "waiting to claim its segments";
        }
        boolean claimable = claimedElsewhere(name, claimed, segments).size() < unclaimed.size();
        return claimable ? "waiting to claim its segments" : claimed.isEmpty() ? ELSEWHERE : CAUGHT_UP;
    }

    private boolean carrying(String name) {
        return name.equals(WriteBehind.GROUP) && writeBehind.carrying();
    }

    /**
     * Of the projection's segments, those not claimed here and not claimable either: held by an instance that renews
     * its claim in time.
     */
    private Set<Integer> claimedElsewhere(String name, Map<Integer, EventTrackerStatus> claimed, int[] segments) {
        // Claimable here means unowned, ours, or owned by an instance that has not renewed its claim in time.
        Set<Integer> claimable = tokenStore.fetchAvailableSegments(name).stream()
                .map(Segment::getSegmentId).collect(Collectors.toSet());
        return Arrays.stream(segments).boxed()
                .filter(segment -> !claimed.containsKey(segment) && !claimable.contains(segment))
                .collect(Collectors.toSet());
    }

    /**
     * The lowest position stored in the projection's tokens, read without claiming them (Axon's token store only
     * reads a token by claiming it, which would take it from its owner).
     */
    private long storedPosition(String name) {
        List<Document> tokens = axonMongoTemplate.trackingTokensCollection()
                .find(new Document("processorName", name)).into(new ArrayList<>());
        return tokens.stream()
                .filter(document -> document.get("token") instanceof Binary)
                .mapToLong(document -> Positions.of(token(document)))
                .min().orElse(-1);
    }

    private TrackingToken token(Document document) {
        return serializer.deserialize(new SimpleSerializedObject<>(document.get("token", Binary.class).getData(),
                byte[].class, new SimpleSerializedType(document.getString("tokenType"), null)));
    }

    private double rate(String name) {
        Deque<Sample> window = samples.get(name);
        if (window == null) {
            return 0;
        }
        synchronized (window) {
            if (window.size() < 2) {
                return 0;
            }
            Sample first = window.peekFirst();
            Sample last = window.peekLast();
            return Math.max(0, (last.position() - first.position()) * 1e9 / (last.nanos() - first.nanos()));
        }
    }

    private static long position(Map<Integer, EventTrackerStatus> segments) {
        return segments.values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }
}
