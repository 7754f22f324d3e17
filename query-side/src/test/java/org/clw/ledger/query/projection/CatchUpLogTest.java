package org.clw.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catch-up log: a line every interval while behind, one when caught up, then quiet. */
class CatchUpLogTest {

    private final CatchUpLog log = new CatchUpLog(null);

    private static ProjectionProgress.Assessment behind(long position, double rate, Long eta) {
        return new ProjectionProgress.Assessment(new ProjectionStatus("cases", true, false, false, position, 1_000,
                1_000 - position, rate, null, eta, "catching up"), false, "catching up");
    }

    private static ProjectionProgress.Assessment caughtUp() {
        return new ProjectionProgress.Assessment(new ProjectionStatus("cases", true, false, false, 1_000, 1_000, 0, 0,
                null, 0L, ProjectionProgress.CAUGHT_UP), true, ProjectionProgress.CAUGHT_UP);
    }

    @Test
    void logs_lag_rate_and_time_to_go_while_behind_then_once_that_they_have_caught_up_then_nothing() {
        assertThat(log.next(List.of(behind(400, 50, 12L)))).contains("Projections catching up: 1 of 1 projections "
                + "behind; the furthest, cases, 600 events behind at 50 events/s (event store head 1,000); about 12 s "
                + "to go");
        assertThat(log.next(List.of(behind(900, 50, 2L)))).hasValueSatisfying(line ->
                assertThat(line).contains("100 events behind"));
        assertThat(log.next(List.of(caughtUp()))).contains("Projections caught up");
        assertThat(log.next(List.of(caughtUp()))).isEmpty();
        assertThat(log.next(List.of(caughtUp()))).isEmpty();
    }

    @Test
    void says_nothing_when_caught_up_from_the_start() {
        assertThat(log.next(List.of(caughtUp()))).isEqualTo(Optional.empty());
    }
}
