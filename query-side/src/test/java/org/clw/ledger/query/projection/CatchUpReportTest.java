package org.clw.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatchUpReportTest {

    static ProjectionStatus status(String name, long position, double rate, Long eta) {
        return new ProjectionStatus(name, true, false, false, position, 650_000, 650_000 - position, rate, null, eta,
                eta != null && eta == 0 ? "caught up" : "catching up");
    }

    @Test
    void names_the_furthest_projection_its_lag_and_rate_and_the_time_until_all_have_caught_up() {
        String line = CatchUpReport.of(List.of(
                status("case-summaries", 650_000, 0, 0L),
                status("statistics", 410_000, 1_234.5, 195L),
                status("timeline", 500_000, 3_000, 50L)));

        assertThat(line).isEqualTo("2 of 3 projections behind; the furthest, statistics, 240,000 events behind at "
                + "1,235 events/s (event store head 650,000); about 3 min 15 s to go");
    }

    @Test
    void says_the_time_to_go_is_unknown_while_a_projection_behind_has_no_rate_yet() {
        String line = CatchUpReport.of(List.of(
                status("statistics", 410_000, 1_000, 240L),
                status("timeline", -1, 0, null)));

        assertThat(line).isEqualTo("2 of 2 projections behind; the furthest, timeline, 650,001 events behind at "
                + "0 events/s (event store head 650,000); time to go not known until every projection is moving");
    }

    @Test
    void says_so_when_every_projection_is_at_the_head() {
        assertThat(CatchUpReport.of(List.of(status("statistics", 650_000, 0, 0L))))
                .isEqualTo("every projection at the head of the event store");
    }
}
