package org.clw.ledger.query.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Published under disclosure control ({@link DisclosureControl}), a figure may be withheld: it is then null and its
 * path ({@code "appointments.missed"}) is listed in {@code suppressed}, as is every figure computed from it.
 */
public record StatisticsReport(Referrals referrals, Appointments appointments, Wait daysToFirstAttendedAppointment,
                        Closures closures, OnwardReferrals onwardReferrals,
                        Map<OutcomeInstrument, OutcomeChange> outcomeChange, List<String> suppressed) {

    public record Referrals(Long received, Long accepted, Long declined) {
    }

    public record Appointments(Long booked, Long attended, Long missed, Long cancelled, Double dnaRate) {
    }

    public record Wait(Long cases, Long median, Long percentile90) {
    }

    public record Closures(Long total, Long withThreeOrMoreAttended, Double shareWithThreeOrMoreAttended,
                    Map<String, Long> byReason) {
    }

    public record OnwardReferrals(Long made, Long takenUp, Long notTakenUp, Double uptake) {
    }

    public record OutcomeChange(Long cases, Double meanChange) {
    }

    static final String CLOSURES = "closures.total";
    static final String REASON = "closures.byReason.";

    /** The counts of this (exact) report by path, such as {@code referrals.received} or {@code closures.byReason.X}. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("referrals.received", referrals.received());
        counts.put("referrals.accepted", referrals.accepted());
        counts.put("referrals.declined", referrals.declined());
        counts.put("appointments.booked", appointments.booked());
        counts.put("appointments.attended", appointments.attended());
        counts.put("appointments.missed", appointments.missed());
        counts.put("appointments.cancelled", appointments.cancelled());
        counts.put("daysToFirstAttendedAppointment.cases", daysToFirstAttendedAppointment.cases());
        counts.put(CLOSURES, closures.total());
        counts.put("closures.withThreeOrMoreAttended", closures.withThreeOrMoreAttended());
        closures.byReason().forEach((reason, value) -> counts.put(REASON + reason, value));
        counts.put("onwardReferrals.made", onwardReferrals.made());
        counts.put("onwardReferrals.takenUp", onwardReferrals.takenUp());
        counts.put("onwardReferrals.notTakenUp", onwardReferrals.notTakenUp());
        outcomeChange.forEach((instrument, change) -> counts.put("outcomeChange." + instrument + ".cases",
                change.cases()));
        return counts;
    }

    /** This report with the counts at {@code paths} withheld, and with them every figure computed from one. */
    StatisticsReport withheld(Set<String> paths) {
        if (paths.isEmpty()) {
            return this;
        }
        Withheld hide = new Withheld(paths);
        Map<String, Long> byReason = new TreeMap<>();
        closures.byReason().forEach((reason, value) -> byReason.put(reason, hide.count(REASON + reason, value)));
        Map<OutcomeInstrument, OutcomeChange> outcomes = new TreeMap<>();
        outcomeChange.forEach((instrument, change) -> {
            String cases = "outcomeChange." + instrument + ".cases";
            outcomes.put(instrument, new OutcomeChange(hide.count(cases, change.cases()),
                    hide.derived("outcomeChange." + instrument + ".meanChange", change.meanChange(), cases)));
        });
        Wait wait = daysToFirstAttendedAppointment;
        String waitCases = "daysToFirstAttendedAppointment.cases";
        return new StatisticsReport(
                new Referrals(hide.count("referrals.received", referrals.received()),
                        hide.count("referrals.accepted", referrals.accepted()),
                        hide.count("referrals.declined", referrals.declined())),
                new Appointments(hide.count("appointments.booked", appointments.booked()),
                        hide.count("appointments.attended", appointments.attended()),
                        hide.count("appointments.missed", appointments.missed()),
                        hide.count("appointments.cancelled", appointments.cancelled()),
                        hide.derived("appointments.dnaRate", appointments.dnaRate(), "appointments.attended",
                                "appointments.missed")),
                new Wait(hide.count(waitCases, wait.cases()),
                        hide.derived("daysToFirstAttendedAppointment.median", wait.median(), waitCases),
                        hide.derived("daysToFirstAttendedAppointment.percentile90", wait.percentile90(), waitCases)),
                new Closures(hide.count(CLOSURES, closures.total()),
                        hide.count("closures.withThreeOrMoreAttended", closures.withThreeOrMoreAttended()),
                        hide.derived("closures.shareWithThreeOrMoreAttended", closures.shareWithThreeOrMoreAttended(),
                                CLOSURES, "closures.withThreeOrMoreAttended"),
                        byReason),
                new OnwardReferrals(hide.count("onwardReferrals.made", onwardReferrals.made()),
                        hide.count("onwardReferrals.takenUp", onwardReferrals.takenUp()),
                        hide.count("onwardReferrals.notTakenUp", onwardReferrals.notTakenUp()),
                        hide.derived("onwardReferrals.uptake", onwardReferrals.uptake(), "onwardReferrals.takenUp",
                                "onwardReferrals.notTakenUp")),
                outcomes, List.copyOf(hide.suppressed));
    }

    /** Withholds the counts named and the figures computed from them, and lists both. */
    private static final class Withheld {

        private final Set<String> counts;
        private final Set<String> suppressed = new TreeSet<>();

        Withheld(Set<String> counts) {
            this.counts = counts;
        }

        Long count(String path, Long value) {
            if (counts.contains(path)) {
                suppressed.add(path);
                return null;
            }
            return value;
        }

        <T> T derived(String path, T value, String... sources) {
            for (String source : sources) {
                if (counts.contains(source)) {
                    suppressed.add(path);
                    return null;
                }
            }
            return value;
        }
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
                outcomes, List.of());
    }

    private static Wait wait(TreeMap<Long, Long> histogram) {
        long cases = histogram.values().stream().mapToLong(Long::longValue).sum();
        return cases == 0 ? new Wait(0L, null, null)
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
