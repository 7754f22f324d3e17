package org.clw.ledger.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

/** An event processor's meters count what it handles, and nothing for the event types it has no handler for. */
class HandledEventsMonitorTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<Predicate<Class<?>>> processor = new AtomicReference<>();

    @SuppressWarnings("unchecked")
    private final HandledEventsMonitor monitor = new HandledEventsMonitor((MessageMonitor<Message<?>>)
            new GlobalMetricRegistry(meters).registerComponentWithDefaultTags(EventProcessor.class, "cases"),
            () -> Optional.ofNullable(processor.get()));

    @Test
    void a_handled_event_is_counted_and_timed_as_axon_does() {
        processor.set(String.class::equals);

        monitor.onMessageIngested(GenericEventMessage.asEventMessage("handled")).reportSuccess();

        assertThat(count("eventProcessor.processedCounter", "String")).isEqualTo(1);
        assertThat(meters.find("eventProcessor.successTimer").tag("payloadType", "String").timer().count())
                .isEqualTo(1);
    }

    @Test
    void an_event_of_a_type_the_processor_does_not_handle_builds_no_meter() {
        processor.set(String.class::equals);

        monitor.onMessageIngested(GenericEventMessage.asEventMessage(42)).reportIgnored();

        assertThat(meters.getMeters()).noneMatch(meter -> "Integer".equals(meter.getId().getTag("payloadType")));
    }

    @Test
    void before_the_processor_can_be_asked_every_event_is_metered() {
        monitor.onMessageIngested(GenericEventMessage.asEventMessage(42)).reportIgnored();
        processor.set(String.class::equals);
        monitor.onMessageIngested(GenericEventMessage.asEventMessage(43)).reportIgnored();

        assertThat(count("eventProcessor.ignoredCounter", "Integer")).isEqualTo(1);
    }

    private double count(String name, String payloadType) {
        return meters.getMeters().stream()
                .filter(meter -> meter.getId().getName().equals(name))
                .filter(meter -> payloadType.equals(meter.getId().getTag("payloadType")))
                .mapToDouble(meter -> meter.measure().iterator().next().getValue())
                .sum();
    }
}
