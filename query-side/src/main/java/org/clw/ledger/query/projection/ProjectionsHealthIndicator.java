package org.clw.ledger.query.projection;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
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
        Health.Builder health = progress.caughtUp() ? Health.up()
                : Health.outOfService().withDetail("reason", "projections are catching up");
        progress.statuses().forEach(status -> health.withDetail(status.name(), status.lag() == 0 ? "caught up"
                : status.lag() + " events behind" + (status.replaying() ? ", replaying" : "")));
        return health.build();
    }
}
