package org.clw.ledger.query.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clw.ledger.events.ProgrammeCalendar;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.referral.CaseState;
import org.clw.ledger.query.referral.StatusChange;

/**
 * What one case adds to the programme's state over time: for each stretch of its status history, +1 on the day it
 * began and -1 on the day it ended, under the case's status, {@code open} (accepted, allocated or active, also per
 * setting), {@code waiting} (on the waiting list, see {@link org.clw.ledger.query.referral.CaseStatus#isWaiting()},
 * also per setting) and the worker whose caseload held it. Summing every day up to D gives the state at the end of D.
 */
final class TimelineContributions {

    static final String STATUS = "status";
    static final String OPEN = "open";
    static final String WAITING = "waiting";
    static final String WORKER = "worker";
    static final String SETTING = "setting";

    private TimelineContributions() {
    }

    static Map<LocalDate, Map<Counter, Long>> of(CaseState summary) {
        Map<LocalDate, Map<Counter, Long>> days = new HashMap<>();
        if (!summary.exists()) {
            return days;
        }
        List<StatusChange> history = summary.statusHistory();
        for (int i = 0; i < history.size(); i++) {
            StatusChange change = history.get(i);
            List<Counter> counters = counters(change, summary.settingId());
            add(days, change.at(), counters, 1);
            if (i + 1 < history.size()) {
                add(days, history.get(i + 1).at(), counters, -1);
            }
        }
        return days;
    }

    private static List<Counter> counters(StatusChange change, String settingId) {
        List<Counter> counters = new ArrayList<>();
        counters.add(Counter.of(STATUS, change.status()));
        if (change.status().isOpen()) {
            counters.add(Counter.of(OPEN));
            counters.add(Counter.of(OPEN).by(SETTING, settingId));
        }
        if (change.status().isWaiting()) {
            counters.add(Counter.of(WAITING));
            counters.add(Counter.of(WAITING).by(SETTING, settingId));
        }
        if (change.holder() != null) {
            counters.add(Counter.of(WORKER, change.holder()));
        }
        return counters;
    }

    private static void add(Map<LocalDate, Map<Counter, Long>> days, Instant at, List<Counter> counters, long delta) {
        Map<Counter, Long> counts = days.computeIfAbsent(ProgrammeCalendar.dayOf(at), day -> new HashMap<>());
        counters.forEach(counter -> counts.merge(counter, delta, Long::sum));
    }
}
