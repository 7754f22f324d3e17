package org.clw.ledger.query.projection;

import com.mongodb.client.MongoClient;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
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
 * skipped, and every batch's documents are written before its token.
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

    @Bean
    ConfigurerModule projectionBatches(MongoOperations mongo, ObjectProvider<CommittedBatches> listeners) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((config, processorName) -> new ProjectionBatches(mongo, processorName,
                        listeners))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }
}
