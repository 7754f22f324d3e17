package org.clw.ledger.query.projection;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where every projection stands against the event store: whether all have caught up, and each one's position, lag,
 * rate and replay progress. The rate comes from positions sampled every second over the last ten seconds.
 */
@Component
public class ProjectionProgress {

    private static final long RATE_WINDOW_NANOS = 10_000_000_000L;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final Map<String, ProjectionStatus> latest = new ConcurrentHashMap<>();

    ProjectionProgress(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    private record Sample(long nanos, long position) {
    }

    public boolean caughtUp() {
        long head = head();
        return processors().values().stream()
                .allMatch(processor -> reached(processor.processingStatus(), head));
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        return processors().entrySet().stream()
                .map(entry -> describe(entry.getKey(), entry.getValue(), head))
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    public Optional<ProjectionStatus> status(String name) {
        return Optional.ofNullable(processors().get(name)).map(processor -> describe(name, processor, head()));
    }

    Map<String, StreamingEventProcessor> processors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
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

    /** Forgets a projection's rate, whose position has just gone back to the start. */
    void restarted(String name) {
        samples.remove(name);
    }

    private long head() {
        return Positions.of(eventStore.createHeadToken());
    }

    private ProjectionStatus describe(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = position(segments);
        boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean replaying = processor.isReplaying();
        long lag = Math.max(0, head - position);
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
        Long eta = position >= target ? Long.valueOf(0)
                : rate > 0 ? Long.valueOf((long) Math.ceil((target - position) / rate)) : null;
        return new ProjectionStatus(name, processor.isRunning(), replaying, error, position, head, lag,
                Math.round(rate * 10) / 10.0, replayPercent, eta);
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

    private static boolean reached(Map<Integer, EventTrackerStatus> segments, long head) {
        return !segments.isEmpty() && segments.values().stream().allMatch(segment -> !segment.isErrorState()
                && segment.getCurrentPosition().orElse(-1) >= head);
    }
}
