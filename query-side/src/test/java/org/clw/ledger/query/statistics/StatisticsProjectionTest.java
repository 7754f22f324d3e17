package org.clw.ledger.query.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.clw.ledger.query.projection.Calendar;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.projection.MemoryBatch;
import org.clw.ledger.query.projection.SettingCounts;
import org.clw.ledger.query.referral.CaseAcrossYears;
import org.clw.ledger.query.referral.CaseState;
import org.junit.jupiter.api.Test;

/**
 * Where the statistics keep a case's counts, in plain Java, after every event of a case that spans five years (a
 * correction in its last year moves an attendance of an earlier one): each document holds exactly the share of the
 * counts its questions read.
 */
class StatisticsProjectionTest {

    static final Predicate<Counter> PLAIN = counter -> !counter.hasDimension();
    static final Predicate<Counter> TABLE = PLAIN.or(counter -> counter.metric().equals(Metric.RECEIVED));
    static final Predicate<Counter> SPLIT = Counter::hasDimension;

    @Test
    void the_plain_counts_up_to_any_day_are_read_from_running_totals_and_the_days_own_year() {
        MemoryBatch batch = new MemoryBatch();
        CaseAcrossYears.project(new StatisticsProjection(null), batch, state -> {
            for (LocalDate day = LocalDate.of(2018, 12, 31); day.isBefore(LocalDate.of(2026, 1, 1));
                    day = day.plusDays(11)) {
                Map<Counter, Long> read = new HashMap<>();
                for (String period : Calendar.upTo(day)) {
                    batch.find(StatisticsProjection.COLLECTION, period, CountBucket.class)
                            .ifPresent(bucket -> add(read, bucket.counts(), PLAIN));
                }
                read.values().removeIf(value -> value == 0);
                assertThat(read).as("%s", day).isEqualTo(expected(state, LocalDate.of(1, 1, 1), day, PLAIN));
            }
        });
    }

    @Test
    void a_period_holds_the_programmes_counts_every_settings_row_and_the_settings_own_splits() {
        MemoryBatch batch = new MemoryBatch();
        CaseAcrossYears.project(new StatisticsProjection(null), batch, state -> {
            for (int year = 2019; year <= 2024; year++) {
                LocalDate from = LocalDate.of(year, 1, 1);
                LocalDate to = LocalDate.of(year, 12, 31);
                for (String period : List.of("Y" + year, "M" + year + "-01")) {
                    LocalDate end = period.startsWith("M") ? LocalDate.of(year, 1, 31) : to;
                    assertThat(programme(batch, period)).as(period)
                            .isEqualTo(expected(state, from, end, counter -> true));
                    assertThat(batch.find(StatisticsProjection.BY_SETTING, period, SettingCounts.class)
                            .map(table -> table.counts(CaseAcrossYears.SETTING)).orElse(Map.of()))
                            .as(period).isEqualTo(expected(state, from, end, TABLE));
                    assertThat(batch.find(StatisticsProjection.COLLECTION,
                            CountBucket.idOf(period, CaseAcrossYears.SETTING), CountBucket.class)
                            .map(CountBucket::counts).orElse(Map.of()))
                            .as(period).isEqualTo(expected(state, from, end, SPLIT));
                }
            }
        });
    }

    @Test
    void a_days_counts_are_shared_out_by_what_reads_them() {
        Counter received = Counter.of(Metric.RECEIVED);
        Counter receivedByGp = received.by(Metric.ROUTE, "GP");
        Counter bookedForDebt = Counter.of(Metric.BOOKED).by(Metric.NEED, "DEBT");
        StatisticsProjection.Shares shares = StatisticsProjection.Shares.of(Map.of(received, 1L, receivedByGp, 1L,
                Counter.of(Metric.BOOKED), 2L, bookedForDebt, 2L));
        assertThat(shares.plain()).containsOnlyKeys(received, Counter.of(Metric.BOOKED));
        assertThat(shares.table()).containsOnlyKeys(received, receivedByGp, Counter.of(Metric.BOOKED));
        assertThat(shares.split()).containsOnlyKeys(receivedByGp, bookedForDebt);
    }

    private static Map<Counter, Long> programme(MemoryBatch batch, String period) {
        return batch.find(StatisticsProjection.COLLECTION, period, CountBucket.class).map(CountBucket::counts)
                .map(counts -> {
                    Map<Counter, Long> nonZero = new HashMap<>(counts);
                    nonZero.values().removeIf(value -> value == 0);
                    return nonZero;
                }).orElse(Map.of());
    }

    private static Map<Counter, Long> expected(CaseState state, LocalDate from, LocalDate to,
            Predicate<Counter> which) {
        Map<Counter, Long> sum = new HashMap<>();
        StatisticsContributions.of(state).forEach((day, counts) -> {
            if (!day.isBefore(from) && !day.isAfter(to)) {
                add(sum, counts, which);
            }
        });
        sum.values().removeIf(value -> value == 0);
        return sum;
    }

    private static void add(Map<Counter, Long> sum, Map<Counter, Long> counts, Predicate<Counter> which) {
        counts.forEach((counter, value) -> {
            if (which.test(counter)) {
                sum.merge(counter, value, Long::sum);
            }
        });
    }
}
