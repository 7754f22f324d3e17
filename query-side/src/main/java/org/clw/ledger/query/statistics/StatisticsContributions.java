package org.clw.ledger.query.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clw.ledger.events.referral.OnwardReferralOutcome;
import org.clw.ledger.events.referral.OutcomeInstrument;
import org.clw.ledger.events.referral.OutcomeTimepoint;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.referral.AppointmentView;
import org.clw.ledger.query.referral.CaseState;
import org.clw.ledger.query.referral.ClosureView;
import org.clw.ledger.query.referral.OnwardReferralView;
import org.clw.ledger.query.referral.OutcomeMeasureView;
import org.clw.ledger.events.ProgrammeCalendar;

/**
 * What one case, as it stands, adds to the statistics at its setting: per day, per counter. The projection
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

    static Map<LocalDate, Map<Counter, Long>> of(CaseState summary) {
        Map<LocalDate, Map<Counter, Long>> days = new HashMap<>();
        if (!summary.exists()) {
            return days;
        }
        Adder add = (at, counter, value) -> {
            Map<Counter, Long> counts = days.computeIfAbsent(ProgrammeCalendar.dayOf(at), day -> new HashMap<>());
            counts.merge(counter, value, Long::sum);
            counts.merge(counter.by(Metric.ROUTE, summary.route()), value, Long::sum);
            counts.merge(counter.by(Metric.NEED, summary.primaryNeed()), value, Long::sum);
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
            long waited = Math.max(0, ChronoUnit.DAYS.between(ProgrammeCalendar.dayOf(summary.receivedAt()),
                    ProgrammeCalendar.dayOf(summary.firstAttendedAt())));
            add.count(summary.firstAttendedAt(), Counter.of(Metric.WAIT_DAYS, waited));
        }
        for (ClosureView closure : summary.closures()) {
            add.count(closure.closedAt(), Metric.CLOSED);
            add.count(closure.closedAt(), Counter.of(Metric.CLOSURE_REASON, closure.reason()));
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
                add.value(latest.recordedAt(), Counter.of(Metric.OUTCOME_CHANGE_CASES, instrument), 1);
                add.value(latest.recordedAt(), Counter.of(Metric.OUTCOME_CHANGE_SUM, instrument),
                        latest.score() - measures.get(baseline).score());
            }
        }
        return days;
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

        void value(Instant at, Counter counter, long value);

        default void count(Instant at, Counter counter) {
            if (at != null) {
                value(at, counter, 1);
            }
        }

        default void count(Instant at, String metric) {
            count(at, Counter.of(metric));
        }
    }
}
