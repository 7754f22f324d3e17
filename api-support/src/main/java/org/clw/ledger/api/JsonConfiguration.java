package org.clw.ledger.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The application's one Jackson 2 mapper: Axon serializes every event, snapshot and token with it, and the HTTP layer
 * reads and writes with a strict copy of it ({@link StrictJsonRequests}). It is declared here rather than left to
 * auto-configuration because under Spring Boot 4 Axon 4's own fallback mapper can win the race, and that one writes
 * dates as numbers: a silent change of the stored event format. The settings are those Spring Boot 3 gave, which
 * every stored event was written with: ISO-8601 dates and durations, unknown properties ignored when reading (an
 * older reader meets a newer event), Java 8 types, records' parameter names.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    @SuppressWarnings("deprecation") // Spring's Jackson 2 support is deprecated in favour of Jackson 3, which Axon 4 does not use.
    ObjectMapper objectMapper() {
        return Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                        SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }
}
