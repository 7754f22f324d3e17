package org.clw.ledger.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's message monitors (axon-micrometer) record into Spring Boot's meter registry, the one
 * {@code /actuator/prometheus} serves. Axon 4.13's {@code MicrometerMetricsAutoConfiguration} orders itself after
 * Spring Boot 3's registry auto-configurations, whose classes Boot 4 moved; left alone it runs before Boot's, finds no
 * registry and makes a {@code SimpleMeterRegistry} of its own, which Boot then merges into a composite beside its
 * Prometheus registry. Placed between the two, this puts Boot's registries first (Axon's fallback backs off) and hands
 * the primary one to Axon explicitly. Each event processor's monitors see only the events it handles
 * ({@link HandledEventsMonitor}).
 */
@AutoConfiguration(after = CompositeMeterRegistryAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
@ConditionalOnClass(GlobalMetricRegistry.class)
public class AxonMetricsAutoConfiguration {

    @Bean
    GlobalMetricRegistry axonMetricRegistry(MeterRegistry meters) {
        return new GlobalMetricRegistry(meters);
    }

    /** Axon's monitors for each event processor, built as Axon builds them, behind a {@link HandledEventsMonitor}. */
    @Bean
    @SuppressWarnings("unchecked")
    ConfigurerModule handledEventsMonitors(GlobalMetricRegistry axonMetrics,
            @Value("${axon.metrics.micrometer.dimensional:false}") boolean dimensional) {
        return configurer -> configurer.configureMessageMonitor(EventProcessor.class, (configuration, type, name) -> {
            MessageMonitor<? extends Message<?>> axon = dimensional
                    ? axonMetrics.registerComponentWithDefaultTags(type, name)
                    : axonMetrics.registerComponent(type, name);
            return new HandledEventsMonitor((MessageMonitor<Message<?>>) axon, () -> handlers(configuration, name));
        });
    }

    private static Optional<Predicate<Class<?>>> handlers(Configuration configuration, String processor) {
        return configuration.eventProcessingConfiguration().eventProcessor(processor)
                .filter(AbstractEventProcessor.class::isInstance)
                .map(found -> {
                    EventHandlerInvoker invoker = ((AbstractEventProcessor) found).eventHandlerInvoker();
                    Predicate<Class<?>> handles = invoker::canHandleType;
                    return handles;
                });
    }
}
