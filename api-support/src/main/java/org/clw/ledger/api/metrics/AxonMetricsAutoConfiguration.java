package org.clw.ledger.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
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
 * the primary one to Axon explicitly.
 */
@AutoConfiguration(after = CompositeMeterRegistryAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
@ConditionalOnClass(GlobalMetricRegistry.class)
public class AxonMetricsAutoConfiguration {

    @Bean
    GlobalMetricRegistry axonMetricRegistry(MeterRegistry meters) {
        return new GlobalMetricRegistry(meters);
    }
}
