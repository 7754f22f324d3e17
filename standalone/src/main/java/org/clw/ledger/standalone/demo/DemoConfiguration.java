package org.clw.ledger.standalone.demo;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.clw.ledger.privacy.PersonalDetailsCipher;
import org.clw.ledger.query.projection.ProjectionProgress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo programme, with {@code clw.demo.enabled=true} (or {@code --demo} on the command line). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "clw.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    /** Also the store's clock, so a demo event is recorded at its simulated time, as a real one would be. */
    @Bean
    @Primary
    Clock demoClock() {
        DemoClock clock = new DemoClock();
        GenericEventMessage.clock = clock;
        return clock;
    }

    @Bean
    DemoGenerator demoGenerator(DemoProperties properties, CommandGateway commands, JdbcTemplate jdbc,
            ProjectionProgress projections, EventProcessingConfiguration processing, PersonalDetailsCipher cipher) {
        return new DemoGenerator(properties, commands, jdbc, projections, processing, cipher);
    }
}
