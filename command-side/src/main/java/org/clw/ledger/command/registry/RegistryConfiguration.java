package org.clw.ledger.command.registry;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

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
