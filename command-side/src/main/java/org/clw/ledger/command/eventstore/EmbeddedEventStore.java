package org.clw.ledger.command.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without Axon Server the events live in the command side's SQL database (an H2 file by default) through Axon's JDBC
 * storage engine, which Axon's auto-configuration builds from the data source. This creates its tables.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EmbeddedEventStore {

    @Bean
    InitializingBean eventTables(EventStorageEngine engine) {
        return () -> {
            if (!(engine instanceof JdbcEventStorageEngine jdbcEngine)) {
                throw new IllegalStateException("Expected Axon's JDBC event storage engine, found "
                        + engine.getClass().getName());
            }
            jdbcEngine.createSchema(new H2EventTableFactory());
        };
    }
}
