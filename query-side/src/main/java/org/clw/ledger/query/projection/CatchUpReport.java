package org.clw.ledger.query.projection;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One log line on the projections' catch-up, from the figures {@link ProjectionProgress} keeps for each projection:
 * how far behind the slowest one is, how fast it moves and when all will have caught up at the present rates.
 */
final class CatchUpReport {

    private CatchUpReport() {
    }

    static String of(List<ProjectionStatus> statuses) {
        List<ProjectionStatus> behind = statuses.stream().filter(status -> status.lag() > 0).toList();
        if (behind.isEmpty()) {
            return "every projection at the head of the event store";
        }
        ProjectionStatus slowest = behind.stream().max(Comparator.comparingLong(ProjectionStatus::lag)).orElseThrow();
        boolean etaKnown = behind.stream().map(ProjectionStatus::etaSeconds).allMatch(Objects::nonNull);
        String eta = etaKnown
                ? "about " + duration(behind.stream().mapToLong(ProjectionStatus::etaSeconds).max().orElse(0)) + " to go"
                : "time to go not known until every projection is moving";
        return String.format(Locale.UK, "%d of %d projections behind; the furthest, %s, %,d events behind at %,.0f "
                        + "events/s (event store head %,d); %s", behind.size(), statuses.size(), slowest.name(),
                slowest.lag(), slowest.eventsPerSecond(), slowest.headPosition(), eta);
    }

    private static String duration(long seconds) {
        return seconds < 120 ? seconds + " s" : "%d min %02d s".formatted(seconds / 60, seconds % 60);
    }
}
