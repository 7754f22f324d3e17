package org.clw.ledger.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * For query-side tests: an in-memory event store that tests append hand-written case histories to, and a clock
 * fixed at {@link #NOW}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryEvents {

    public static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

    @Bean
    EventStorageEngine eventStorageEngine() {
        return new InMemoryEventStorageEngine();
    }

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** Events of one aggregate, numbered from {@code firstSequence}, added to {@code events}. */
    public static void append(List<DomainEventMessage<?>> events, String aggregateType, String aggregateId,
            long firstSequence, Object... payloads) {
        long sequence = firstSequence;
        for (Object payload : payloads) {
            events.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence++, payload,
                    Map.of("actorId", "test", "actorRole", "ADMIN")));
        }
    }

    public static void awaitCaughtUp(ProjectionProgress progress, EventProcessingConfiguration processing) {
        // Checked at once (the head already holds what the caller appended), then often: tests wait here per event.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> progress.caughtUp() && processing.eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance)
                        .map(StreamingEventProcessor.class::cast)
                        .noneMatch(StreamingEventProcessor::isReplaying));
    }

    public static List<StreamingEventProcessor> streamingProcessors(EventProcessingConfiguration processing) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    /** Every document of the collections as JSON, by collection and id: what a rebuild must give again. */
    public static Map<String, List<String>> documents(MongoOperations mongo, List<String> collections) {
        Map<String, List<String>> documents = new TreeMap<>();
        for (String collection : collections) {
            documents.put(collection, mongo.getCollection(collection).find()
                    .sort(new Document("_id", 1)).map(Document::toJson).into(new ArrayList<>()));
        }
        return documents;
    }
}
