package org.clw.ledger.command.registry;

import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The registry's database: its connection settings, schema, programme-number sequence and the commands' transaction.
 * The imported configurer makes the beans that use JDBC wait for the schema, as Spring Boot's own script
 * initialisation (which {@link SchemaCreation} replaces) would.
 */
@Configuration(proxyBeanMethods = false)
@Import(DatabaseInitializationDependencyConfigurer.class)
class RegistryConfiguration {

    /** Static: a post-processor of the data source, created before the other beans, from the bare environment. */
    @Bean
    static RegistryConnectionSettings registryConnectionSettings(Environment environment) {
        return new RegistryConnectionSettings(Binder.get(environment)
                .bind("clw.registry.lock-timeout", Duration.class).orElse(Duration.ofSeconds(10)));
    }

    @Bean
    SchemaCreation registrySchema(DataSource dataSource) {
        return new SchemaCreation(dataSource);
    }

    /** The H2 file's housekeeping, which H2 itself skips at the registry's durable setting (WRITE_DELAY 0). */
    @Bean
    H2FileHousekeeping h2FileHousekeeping(DataSource dataSource) {
        return new H2FileHousekeeping(dataSource);
    }

    /**
     * Programme numbers from one sequence in the registry, so that instances sharing it never hand out the same one.
     * Depends on the schema, which creates the sequence.
     */
    @Bean
    DataFieldMaxValueIncrementer participantNumberSequence(DataSource dataSource, SchemaCreation registrySchema) {
        return switch (registrySchema.database()) {
            case H2 -> new H2SequenceMaxValueIncrementer(dataSource, "participant_number");
            case POSTGRESQL -> new PostgresSequenceMaxValueIncrementer(dataSource, "participant_number");
        };
    }

    /**
     * Every command runs in one transaction of the registry's database, which the events (embedded store) and the
     * registry's row locks join. Declared here because Axon 4's own auto-configuration orders itself after Spring
     * Boot 3 class names: under Boot 4 it can run first, find no transaction manager and silently run commands
     * without one (CommandTransactionTest).
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    /** A registry that failed to follow an event must fail the command that published it, not log and go on. */
    @Bean
    ConfigurerModule registryFailuresAbortTheCommand() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler("registry", config -> PropagatingErrorHandler.instance());
    }
}
