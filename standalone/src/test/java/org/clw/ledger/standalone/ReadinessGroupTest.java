package org.clw.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/**
 * The standalone's readiness group as resolved from its configuration: its own list, not the imported query side's
 * (imported files take precedence over the document importing them), which has no event store and names Axon Server.
 */
class ReadinessGroupTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    @Test
    void the_standalone_readiness_group_is_its_own() {
        try (var context = new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE).run()) {
            assertThat(context.getEnvironment().getProperty("management.endpoint.health.group.readiness.include"))
                    .isEqualTo("readinessState, db, mongo, projections, readModelShape");
        }
    }
}
