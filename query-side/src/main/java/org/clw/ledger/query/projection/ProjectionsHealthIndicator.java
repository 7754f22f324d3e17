package org.clw.ledger.query.projection;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Ready only once every projection has processed every stored event, so that queries agree with the store. */
@Component("projections")
class ProjectionsHealthIndicator implements HealthIndicator {

    private final ProjectionProgress progress;

    ProjectionsHealthIndicator(ProjectionProgress progress) {
        this.progress = progress;
    }

    @Override
    public Health health() {
        return progress.caughtUp() ? Health.up().build()
                : Health.outOfService().withDetail("reason", "projections are catching up").build();
    }
}
