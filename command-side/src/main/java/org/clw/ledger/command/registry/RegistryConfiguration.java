package org.clw.ledger.command.registry;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    /** A registry that failed to follow an event must fail the command that published it, not log and go on. */
    @Bean
    ConfigurerModule registryFailuresAbortTheCommand() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler("registry", config -> PropagatingErrorHandler.instance());
    }
}
