package org.clw.ledger.query.statistics;

import java.util.Map;
import java.util.TreeMap;
import org.clw.ledger.events.referral.OutcomeInstrument;
import org.clw.ledger.query.projection.Counter;

/**
 * The statistics of a period, computed from summed counts. Rates are null when their denominator is zero.
 * <ul>
 * <li>DNA rate = missed / (attended + missed);</li>
 * <li>days to first attended appointment: the nearest-rank median and 90th percentile over the cases whose first
 * attended appointment fell in the period;</li>
 * <li>share with three or more attended = closures after 3+ attended appointments / closures;</li>
 * <li>uptake = taken up / (taken up + not taken up);</li>
 * <li>mean outcome change = the mean, over cases whose latest score fell in the period, of latest minus baseline.</li>
 * </ul>
 */
public record StatisticsReport(Referrals referrals, Appointments appointments, Wait daysToFirstAttendedAppointment,
                        Closures closures, OnwardReferrals onwardReferrals,
                        Map<OutcomeInstrument, OutcomeChange> outcomeChange) {

    public record Referrals(long received, long accepted, long declined) {
    }

    public record Appointments(long booked, long attended, long missed, long cancelled, Double dnaRate) {
    }

    public record Wait(long cases, Long median, Long percentile90) {
    }

    public record Closures(long total, long withThreeOrMoreAttended, Double shareWithThreeOrMoreAttended,
                    Map<String, Long> byReason) {
    }

    public record OnwardReferrals(long made, long takenUp, long notTakenUp, Double uptake) {
    }

    public record OutcomeChange(long cases, double meanChange) {
    }

    /** @param counts summed counts; those split by a dimension (route, need) are not read here */
    static StatisticsReport of(Map<Counter, Long> counts) {
        long attended = get(counts, Metric.ATTENDED);
        long missed = get(counts, Metric.MISSED);
        long closed = get(counts, Metric.CLOSED);
        long takenUp = get(counts, Metric.ONWARD_TAKEN_UP);
        long notTakenUp = get(counts, Metric.ONWARD_NOT_TAKEN_UP);
        Map<String, Long> byReason = new TreeMap<>();
        TreeMap<Long, Long> waits = new TreeMap<>();
        Map<OutcomeInstrument, OutcomeChange> outcomes = new TreeMap<>();
        counts.forEach((counter, value) -> {
            if (counter.hasDimension() || counter.detail() == null) {
                return;
            }
            switch (counter.metric()) {
                case Metric.CLOSURE_REASON -> byReason.put(counter.detail(), value);
                case Metric.WAIT_DAYS -> waits.put(Long.parseLong(counter.detail()), value);
                case Metric.OUTCOME_CHANGE_CASES -> {
                    long sum = counts.getOrDefault(Counter.of(Metric.OUTCOME_CHANGE_SUM, counter.detail()), 0L);
                    if (value > 0) {
                        outcomes.put(OutcomeInstrument.valueOf(counter.detail()),
                                new OutcomeChange(value, (double) sum / value));
                    }
                }
                default -> {
                }
            }
        });
        byReason.values().removeIf(value -> value == 0);
        waits.values().removeIf(value -> value == 0);
        return new StatisticsReport(
                new Referrals(get(counts, Metric.RECEIVED), get(counts, Metric.ACCEPTED),
                        get(counts, Metric.DECLINED)),
                new Appointments(get(counts, Metric.BOOKED), attended, missed, get(counts, Metric.CANCELLED),
                        ratio(missed, attended + missed)),
                wait(waits),
                new Closures(closed, get(counts, Metric.CLOSED_AFTER_THREE),
                        ratio(get(counts, Metric.CLOSED_AFTER_THREE), closed), byReason),
                new OnwardReferrals(get(counts, Metric.ONWARD_MADE), takenUp, notTakenUp,
                        ratio(takenUp, takenUp + notTakenUp)),
                outcomes);
    }

    private static Wait wait(TreeMap<Long, Long> histogram) {
        long cases = histogram.values().stream().mapToLong(Long::longValue).sum();
        return cases == 0 ? new Wait(0, null, null)
                : new Wait(cases, nearestRank(histogram, cases, 50), nearestRank(histogram, cases, 90));
    }

    /** The smallest value with at least {@code percent}% of the cases at or below it. */
    static long nearestRank(TreeMap<Long, Long> histogram, long cases, int percent) {
        long rank = (cases * percent + 99) / 100;
        long seen = 0;
        for (Map.Entry<Long, Long> bin : histogram.entrySet()) {
            seen += bin.getValue();
            if (seen >= rank) {
                return bin.getKey();
            }
        }
        return histogram.lastKey();
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static long get(Map<Counter, Long> counts, String metric) {
        return counts.getOrDefault(Counter.of(metric), 0L);
    }
}
