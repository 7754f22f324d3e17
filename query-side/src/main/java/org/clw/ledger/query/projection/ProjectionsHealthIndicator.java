package org.clw.ledger.query.projection;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready only once every projection has caught up with the event store on this instance (or is kept by another live
 * instance), so that queries agree with the store; see {@link ProjectionProgress} for what caught up means.
 */
@Component("projections")
class ProjectionsHealthIndicator implements HealthIndicator {

    private final ProjectionProgress progress;

    ProjectionsHealthIndicator(ProjectionProgress progress) {
        this.progress = progress;
    }

    @Override
    public Health health() {
        List<ProjectionProgress.Assessment> assessments = progress.assessments();
        Health.Builder health = assessments.stream().allMatch(ProjectionProgress.Assessment::caughtUp) ? Health.up()
                : Health.outOfService().withDetail("reason", "projections are catching up");
        assessments.forEach(assessment -> health.withDetail(assessment.status().name(), detail(assessment)));
        return health.build();
    }

    private static String detail(ProjectionProgress.Assessment assessment) {
        ProjectionStatus status = assessment.status();
        if (assessment.caughtUp()) {
            return assessment.state();
        }
        return assessment.state() + (status.lag() > 0 ? ", " + status.lag() + " events behind" : "")
                + (status.replaying() ? ", replaying" : "");
    }
}
