package org.clw.ledger.command.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.springboot.MetricsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command bus's monitors: Axon's own (axon-micrometer: {@code commandBus.*} timers, counters and capacity per
 * payload type) and {@link CommandOutcomeMonitor}, the outcome they cannot tell apart. A monitor for the command bus
 * replaces Axon's default one for it rather than joining it, hence both here.
 */
@Configuration(proxyBeanMethods = false)
class CommandMetrics {

    @Bean
    @SuppressWarnings("unchecked")
    ConfigurerModule commandBusMonitors(GlobalMetricRegistry axonMetrics, MetricsProperties axonMetricsSettings,
            MeterRegistry meters) {
        return configurer -> configurer.configureMessageMonitor(CommandBus.class, (configuration, type, name) -> {
            MessageMonitor<? extends Message<?>> axon = axonMetricsSettings.getMicrometer().isDimensional()
                    ? axonMetrics.registerComponentWithDefaultTags(type, name)
                    : axonMetrics.registerComponent(type, name);
            return new MultiMessageMonitor<>((MessageMonitor<Message<?>>) axon,
                    (MessageMonitor<Message<?>>) (MessageMonitor<?>) new CommandOutcomeMonitor(meters));
        });
    }
}
