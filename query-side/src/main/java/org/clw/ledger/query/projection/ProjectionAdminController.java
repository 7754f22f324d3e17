package org.clw.ledger.query.projection;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The projections (streaming processing groups): where each stands, and an online rebuild of one. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProjectionAdminController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    record Projection(String name, boolean running, boolean replaying, boolean error, long position,
                      long headPosition, long lag) {
    }

    @GetMapping
    List<Projection> projections() {
        long head = Positions.of(eventStore.createHeadToken());
        return streamingProcessors().entrySet().stream()
                .map(entry -> describe(entry.getKey(), entry.getValue(), head))
                .sorted(Comparator.comparing(Projection::name))
                .toList();
    }

    /**
     * Clears the projection's read model (its {@code @ResetHandler}) and replays every event into it while the
     * service stays up; queries answer from the partial model until it has caught up again. Answers once the replay
     * has started; the listing shows its progress.
     */
    @PostMapping("/{name}/rebuild")
    ResponseEntity<Projection> rebuild(@PathVariable String name) {
        StreamingEventProcessor processor = streamingProcessors().get(name);
        if (processor == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No projection " + name);
        }
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return ResponseEntity.accepted().body(describe(name, processor, Positions.of(eventStore.createHeadToken())));
    }

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        entry -> (StreamingEventProcessor) entry.getValue()));
    }

    private static Projection describe(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = segments.values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(-1)).min().orElse(-1);
        boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        return new Projection(name, processor.isRunning(), processor.isReplaying(), error, position, head,
                Math.max(0, head - position));
    }
}
