package org.clw.ledger.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What Axon's processor metrics (axon-micrometer's {@code eventProcessor.*}: events processed, time per event,
 * latency, capacity) do not give: each projection's position, lag behind the head of the event store and replay
 * progress, as gauges from the last sampling.
 */
@Component
class ProjectionMetrics {

    private final ProjectionProgress progress;
    private final MeterRegistry meters;

    ProjectionMetrics(ProjectionProgress progress, MeterRegistry meters) {
        this.progress = progress;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        progress.processors().keySet().forEach(group -> {
            gauge("clw.projection.position", group, "Global position of the last event the projection processed",
                    ProjectionStatus::position);
            gauge("clw.projection.lag", group, "Events the projection is behind the head of the event store",
                    ProjectionStatus::lag);
            gauge("clw.projection.replaying", group, "1 while the projection is replaying, 0 otherwise",
                    status -> status.replaying() ? 1 : 0);
            gauge("clw.projection.replay.progress", group, "How far a replay has got, 0-1; 1 when not replaying",
                    status -> status.replayPercent() == null ? 1 : status.replayPercent() / 100);
        });
    }

    private void gauge(String name, String group, String description, ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(name, progress, p -> p.sampled(group).map(value::applyAsDouble).orElse(Double.NaN))
                .tag("processing_group", group)
                .description(description)
                .register(meters);
    }
}
