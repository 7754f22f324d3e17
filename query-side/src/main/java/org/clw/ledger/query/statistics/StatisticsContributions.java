package org.clw.ledger.query.statistics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.OutcomeInstrument;
import org.clw.ledger.events.referral.OutcomeTimepoint;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.referral.AppointmentView;
import org.clw.ledger.query.referral.CaseSummary;
import org.clw.ledger.query.referral.ClosureView;
import org.clw.ledger.query.referral.OnwardReferralView;
import org.clw.ledger.query.referral.OutcomeMeasureView;
import org.clw.ledger.events.ProgrammeCalendar;

/**
 * What one case, as it stands, adds to the statistics: per bucket (day and setting), per count key. The projection
 * applies the difference between a case's contributions before and after each event, so a correction, a
 * reallocation or a reopening moves counts exactly as the definitions below say. Every metric is counted on the day
 * its event happened, at the case's setting, also by the case's route and primary need:
 * <ul>
 * <li>referrals received, accepted, declined: on the day of receipt, acceptance, decline;</li>
 * <li>appointments booked on the day of booking; attended and missed on the appointment's day; cancelled on the day
 * of cancellation;</li>
 * <li>days from referral to first attended appointment: on the day of that appointment, as a histogram;</li>
 * <li>closures (and closures after three or more attended appointments, and by reason): on the day of closure;</li>
 * <li>onward referrals made on the day made; taken up or not on the day the (latest) outcome was recorded;</li>
 * <li>outcome change per instrument: latest score minus the first baseline score, on the day of the latest.</li>
 * </ul>
 */
final class StatisticsContributions {

    private StatisticsContributions() {
    }

    static Map<String, Map<String, Long>> of(CaseSummary summary) {
        Map<String, Map<String, Long>> buckets = new HashMap<>();
        if (!summary.exists()) {
            return buckets;
        }
        Adder add = (at, metric, value) -> {
            Map<String, Long> counts = buckets.computeIfAbsent(
                    CountBucket.idOf(ProgrammeCalendar.dayOf(at), summary.settingId()), id -> new TreeMap<>());
            counts.merge(metric, value, Long::sum);
            counts.merge(metric + Metric.ROUTE + summary.route(), value, Long::sum);
            counts.merge(metric + Metric.NEED + summary.primaryNeed(), value, Long::sum);
        };
        add.count(summary.receivedAt(), Metric.RECEIVED);
        add.count(summary.acceptedAt(), Metric.ACCEPTED);
        add.count(summary.declinedAt(), Metric.DECLINED);
        for (AppointmentView appointment : summary.appointments()) {
            add.count(appointment.bookedAt(), Metric.BOOKED);
            switch (appointment.state()) {
                case ATTENDED -> add.count(appointment.start(), Metric.ATTENDED);
                case MISSED -> add.count(appointment.start(), Metric.MISSED);
                case CANCELLED -> add.count(appointment.changedAt(), Metric.CANCELLED);
                case BOOKED -> {
                }
            }
        }
        if (summary.firstAttendedAt() != null) {
            long days = Math.max(0, ChronoUnit.DAYS.between(ProgrammeCalendar.dayOf(summary.receivedAt()),
                    ProgrammeCalendar.dayOf(summary.firstAttendedAt())));
            add.count(summary.firstAttendedAt(), Metric.WAIT_DAYS + ":" + days);
        }
        for (ClosureView closure : summary.closures()) {
            add.count(closure.closedAt(), Metric.CLOSED);
            add.count(closure.closedAt(), Metric.CLOSURE_REASON + ":" + closure.reason());
            if (closure.attendedAtClosure() >= 3) {
                add.count(closure.closedAt(), Metric.CLOSED_AFTER_THREE);
            }
        }
        for (OnwardReferralView onward : summary.onwardReferrals()) {
            add.count(onward.madeAt(), Metric.ONWARD_MADE);
            if (onward.outcome() != null) {
                add.count(onward.outcomeAt(), onward.outcome() == OnwardReferralOutcome.TAKEN_UP
                        ? Metric.ONWARD_TAKEN_UP : Metric.ONWARD_NOT_TAKEN_UP);
            }
        }
        for (OutcomeInstrument instrument : OutcomeInstrument.values()) {
            List<OutcomeMeasureView> measures = summary.outcomeMeasures().stream()
                    .filter(measure -> measure.instrument() == instrument).toList();
            int baseline = indexOfFirstBaseline(measures);
            if (baseline >= 0 && measures.size() > baseline + 1) {
                OutcomeMeasureView latest = measures.get(measures.size() - 1);
                String metric = Metric.OUTCOME_CHANGE + ":" + instrument;
                add.value(latest.recordedAt(), metric + ":count", 1);
                add.value(latest.recordedAt(), metric + ":sum", latest.score() - measures.get(baseline).score());
            }
        }
        return buckets;
    }

    private static int indexOfFirstBaseline(List<OutcomeMeasureView> measures) {
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).timepoint() == OutcomeTimepoint.BASELINE) {
                return i;
            }
        }
        return -1;
    }

    @FunctionalInterface
    private interface Adder {

        void value(Instant at, String metric, long value);

        default void count(Instant at, String metric) {
            if (at != null) {
                value(at, metric, 1);
            }
        }
    }
}
