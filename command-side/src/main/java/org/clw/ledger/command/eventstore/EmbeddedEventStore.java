package org.clw.ledger.command.eventstore;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.clw.ledger.command.registry.SchemaCreation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Without Axon Server the events live in the command side's SQL database (an H2 file by default, or the PostgreSQL
 * registry that several instances share) through Axon's JDBC storage engine, joining the command's transaction.
 * The engine exists only in this mode: Axon's own JDBC auto-configuration is excluded because it would build one
 * beside Axon Server too, silently diverting events.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EmbeddedEventStore {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer events,
            DataSource dataSource, TransactionManager transactionManager, Configuration axon,
            SchemaCreation registrySchema) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .eventSerializer(events)
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .build();
        registrySchema.underLock(() -> engine.createSchema(switch (registrySchema.database()) {
            case H2 -> new H2EventTableFactory();
            case POSTGRESQL -> PostgresEventTableFactory.INSTANCE;
        }));
        return engine;
    }
}
