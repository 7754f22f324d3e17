package org.clw.ledger.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.clw.ledger.query.projection.Calendar;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.projection.MemoryBatch;
import org.clw.ledger.query.referral.CaseAcrossYears;
import org.clw.ledger.query.referral.CaseChange;
import org.clw.ledger.query.referral.CaseState;
import org.junit.jupiter.api.Test;

/**
 * The programme's state on a day is read from at most twelve running totals and the day's own year, in plain Java:
 * after every event of a case that spans five years, it is the sum of the case's contributions up to that day.
 */
class TimelineRunningTotalsTest {

    @Test
    void the_state_on_any_day_is_every_change_up_to_it_after_every_event() {
        MemoryBatch batch = new MemoryBatch();
        CaseAcrossYears.project(new TimelineProjection(null), batch, state -> {
            for (LocalDate day = LocalDate.of(2018, 12, 31); day.isBefore(LocalDate.of(2026, 1, 1));
                    day = day.plusDays(13)) {
                assertThat(stateUpTo(batch, day)).as("%s", day).isEqualTo(expected(state, day));
            }
        });
    }

    @Test
    void a_change_that_changes_nothing_writes_nothing() {
        MemoryBatch batch = new MemoryBatch();
        TimelineProjection view = new TimelineProjection(null);
        CaseAcrossYears.project(view, batch, state -> {
            var writes = batch.stage();
            view.apply(new CaseChange(state, state, state.version(), 1_000, null), writes);
            assertThat(batch.commit(writes)).isZero();
        });
    }

    private static Map<Counter, Long> stateUpTo(MemoryBatch batch, LocalDate day) {
        Map<Counter, Long> sum = new HashMap<>();
        Calendar.upTo(day).forEach(period -> batch.find(TimelineProjection.COLLECTION, period, CountBucket.class)
                .ifPresent(bucket -> bucket.counts().forEach((counter, value) -> sum.merge(counter, value,
                        Long::sum))));
        sum.values().removeIf(value -> value == 0);
        return sum;
    }

    private static Map<Counter, Long> expected(CaseState state, LocalDate day) {
        Map<Counter, Long> sum = new HashMap<>();
        TimelineContributions.of(state).forEach((at, counts) -> {
            if (!at.isAfter(day)) {
                counts.forEach((counter, value) -> sum.merge(counter, value, Long::sum));
            }
        });
        sum.values().removeIf(value -> value == 0);
        return sum;
    }
}
