package org.clw.ledger.api;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The one source of "now": aggregates and queries take the time from it, so that tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
