package org.clw.ledger.api.health;

import java.util.Map;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Axon Server's connection, in each side's readiness. Axon 4's own indicator is built on Spring Boot 3's health
 * classes and silently disappears under Boot 4; this one takes its place. Without Axon Server (the embedded event
 * store) there is nothing to connect to, and it says so.
 */
@Component("axonServer")
class AxonServerHealthIndicator implements HealthIndicator {

    private final ObjectProvider<AxonServerConnectionManager> connections;

    AxonServerHealthIndicator(ObjectProvider<AxonServerConnectionManager> connections) {
        this.connections = connections;
    }

    @Override
    public Health health() {
        AxonServerConnectionManager manager = connections.getIfAvailable();
        if (manager == null) {
            return Health.up().withDetail("mode", "embedded event store, no Axon Server").build();
        }
        Map<String, Boolean> contexts = manager.connections();
        boolean connected = !contexts.isEmpty() && contexts.values().stream().allMatch(Boolean.TRUE::equals);
        Health.Builder health = connected ? Health.up() : Health.down();
        contexts.forEach((context, up) -> health.withDetail(context, Boolean.TRUE.equals(up) ? "connected"
                : "not connected"));
        return health.build();
    }
}
