package org.clw.ledger.query.projection;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * While the projections catch up (after a start on a long store, a bulk import, a rebuild), every ten seconds one log
 * line with how far behind they are, their rate over the last ten seconds and the time to go; one line when they have
 * caught up, and nothing while they stay caught up.
 */
@Component
class CatchUpLog {

    private static final Logger log = LoggerFactory.getLogger(CatchUpLog.class);

    private final ProjectionProgress progress;
    private boolean behind;

    CatchUpLog(ProjectionProgress progress) {
        this.progress = progress;
    }

    @Scheduled(initialDelay = 10_000, fixedDelay = 10_000)
    void report() {
        next(progress.assessments()).ifPresent(log::info);
    }

    /** The line to log for these assessments, if any: remembers whether the last one said they were behind. */
    synchronized Optional<String> next(List<ProjectionProgress.Assessment> assessments) {
        if (assessments.stream().allMatch(ProjectionProgress.Assessment::caughtUp)) {
            boolean wasBehind = behind;
            behind = false;
            return wasBehind ? Optional.of("Projections caught up") : Optional.empty();
        }
        behind = true;
        return Optional.of("Projections catching up: " + CatchUpReport.of(
                assessments.stream().map(ProjectionProgress.Assessment::status).toList()));
    }
}
