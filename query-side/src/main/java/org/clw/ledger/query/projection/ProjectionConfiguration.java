package org.clw.ledger.query.projection;

import com.mongodb.client.MongoClient;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The projections' plumbing: tracking tokens in the read models' MongoDB (declared here because the axon-mongo
 * Spring Boot starter stops at 4.10), a failing event handler fails its batch so that it is retried rather than
 * skipped, and every batch's documents are written before its token (in the {@code cases} group, while it is far
 * behind the head, once for many batches: {@link WriteBehind}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ProjectionConfiguration {

    /** Axon's view of the read models' database: tracking tokens and dead letters. */
    @Bean
    MongoTemplate axonMongoTemplate(MongoClient mongoClient,
            @Value("${spring.mongodb.database}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(mongoClient, database).build();
    }

    /**
     * Tokens claimed in the name of {@code clw.projections.node-id} (Axon's default, the JVM's {@code pid@host}, when
     * blank): a fixed name lets a restarted standalone system take its own claims back at once after a crash, instead
     * of waiting for the dead process's claims to time out.
     */
    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer,
            @Value("${clw.projections.node-id:}") String nodeId) {
        MongoTokenStore.Builder tokens = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer);
        if (!nodeId.isBlank()) {
            tokens.nodeId(nodeId);
        }
        return tokens.build();
    }

    /**
     * The {@code cases} group's write-behind while it is far behind the head: {@code margin} events from the head
     * within which every batch is written, at most {@code max-events} events carried (0: none) and
     * {@code max-documents} documents held (0: as many as the heap allows, see {@link WriteBehind}).
     */
    @Bean
    WriteBehind writeBehind(ObjectProvider<EventStore> eventStore, ObjectProvider<CommittedBatches> listeners,
            @Value("${clw.projections.write-behind.margin:2000}") long margin,
            @Value("${clw.projections.write-behind.max-events:50000}") int maxEvents,
            @Value("${clw.projections.write-behind.max-documents:0}") int maxDocuments) {
        return new WriteBehind(() -> Positions.of(eventStore.getObject().createHeadToken()),
                written -> ProjectionBatches.tellAll(listeners, written), margin, maxEvents,
                maxDocuments > 0 ? maxDocuments : WriteBehind.documentsForHeap());
    }

    @Bean
    ConfigurerModule projectionBatches(MongoOperations mongo, ObjectProvider<CommittedBatches> listeners,
            WriteBehind writeBehind, ObjectProvider<TokenStore> tokenStore) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((config, processorName) -> new ProjectionBatches(mongo, processorName,
                        listeners, processorName.equals(WriteBehind.GROUP) ? writeBehind : null,
                        () -> wholeStream(config, processorName)))
                .registerTokenStore(WriteBehind.GROUP, config -> new WriteBehindTokenStore(tokenStore.getObject(),
                        writeBehind))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    /** Whether this instance processes the group's whole stream: one segment claimed, and it is all of it. */
    private static boolean wholeStream(org.axonframework.config.Configuration config, String processorName) {
        return config.eventProcessingConfiguration().eventProcessor(processorName, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .filter(segments -> segments.size() == 1)
                .map(segments -> segments.values().iterator().next().getSegment().getMask() == 0)
                .orElse(false);
    }
}
