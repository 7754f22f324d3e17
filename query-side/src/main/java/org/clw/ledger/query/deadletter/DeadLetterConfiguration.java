package org.clw.ledger.query.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * A projection that fails on an event puts that event, and the later events of the same case (its sequence), in the
 * group's dead-letter queue in MongoDB and carries on with every other case, instead of stopping. Admins list, retry
 * and evict dead letters at {@code /api/admin/dead-letters}; {@code clw.projection.dead.letters} counts them.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    ConfigurerModule deadLetterQueues(MongoTemplate axonMongoTemplate, Serializer serializer,
            EventProcessorProperties processors) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            processing.registerDeadLetterQueueProvider(group -> config -> MongoSequencedDeadLetterQueue.builder()
                    .processingGroup(group)
                    .mongoTemplate(axonMongoTemplate)
                    .serializer(serializer)
                    .transactionManager(NoTransactionManager.instance())
                    .build());
            // Remembers which cases have no dead letters, so that a healthy replay does not ask MongoDB per event.
            processors.getProcessors().keySet().forEach(group -> processing
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                            (config, invoker) -> invoker.enableSequenceIdentifierCache()));
        };
    }

    @Bean
    DeadLetterGauges deadLetterGauges(EventProcessingConfiguration processing, EventProcessorProperties processors,
            MeterRegistry meters) {
        return new DeadLetterGauges(processing, processors, meters);
    }

    /** One gauge per processing group, registered once Axon has built the queues. */
    static final class DeadLetterGauges {

        private final EventProcessingConfiguration processing;
        private final EventProcessorProperties processors;
        private final MeterRegistry meters;

        DeadLetterGauges(EventProcessingConfiguration processing, EventProcessorProperties processors,
                MeterRegistry meters) {
            this.processing = processing;
            this.processors = processors;
            this.meters = meters;
        }

        @EventListener(ApplicationReadyEvent.class)
        void register() {
            processors.getProcessors().keySet().forEach(group -> processing.deadLetterQueue(group).ifPresent(
                    queue -> Gauge.builder("clw.projection.dead.letters", queue, q -> q.size())
                            .tag("processing_group", group)
                            .description("Events a projection failed on, waiting in its dead-letter queue")
                            .register(meters)));
        }
    }
}
