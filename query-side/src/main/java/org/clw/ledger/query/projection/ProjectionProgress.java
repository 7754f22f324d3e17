package org.clw.ledger.query.projection;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Whether every projection has processed every event in the store up to now. */
@Component
public class ProjectionProgress {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProjectionProgress(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public boolean caughtUp() {
        long head = Positions.of(eventStore.createHeadToken());
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> reached(processor.processingStatus(), head));
    }

    private static boolean reached(Map<Integer, EventTrackerStatus> segments, long head) {
        return !segments.isEmpty() && segments.values().stream().allMatch(segment -> !segment.isErrorState()
                && segment.getCurrentPosition().orElse(-1) >= head);
    }
}
