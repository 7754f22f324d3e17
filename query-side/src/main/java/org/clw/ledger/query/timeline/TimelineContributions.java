package org.clw.ledger.query.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.referral.CaseStatus;
import org.clw.ledger.query.referral.CaseSummary;
import org.clw.ledger.query.referral.StatusChange;
import org.clw.ledger.events.ProgrammeCalendar;

/**
 * What one case adds to the programme's state over time: for each stretch of its status history, +1 on the day it
 * began and -1 on the day it ended, under the case's status, {@code open} (accepted, allocated or active, also per
 * setting), {@code waiting} (received, accepted or allocated without an attended appointment, also per setting)
 * and the worker whose caseload held it. Summing every day up to D gives the state at the end of D.
 */
final class TimelineContributions {

    static final String STATUS = "status:";
    static final String OPEN = "open";
    static final String WAITING = "waiting";
    static final String WORKER = "worker:";
    static final String SETTING = "|setting=";

    private TimelineContributions() {
    }

    static Map<String, Map<String, Long>> of(CaseSummary summary) {
        Map<String, Map<String, Long>> days = new HashMap<>();
        if (!summary.exists()) {
            return days;
        }
        List<StatusChange> history = summary.statusHistory();
        for (int i = 0; i < history.size(); i++) {
            StatusChange change = history.get(i);
            List<String> keys = keys(change, summary.settingId());
            add(days, change.at(), keys, 1);
            if (i + 1 < history.size()) {
                add(days, history.get(i + 1).at(), keys, -1);
            }
        }
        return days;
    }

    private static List<String> keys(StatusChange change, String settingId) {
        List<String> keys = new ArrayList<>();
        keys.add(STATUS + change.status());
        if (change.status().isOpen()) {
            keys.add(OPEN);
            keys.add(OPEN + SETTING + settingId);
        }
        if (change.status() == CaseStatus.RECEIVED || change.status() == CaseStatus.ACCEPTED
                || change.status() == CaseStatus.ALLOCATED) {
            keys.add(WAITING);
            keys.add(WAITING + SETTING + settingId);
        }
        if (change.holder() != null) {
            keys.add(WORKER + change.holder());
        }
        return keys;
    }

    private static void add(Map<String, Map<String, Long>> days, Instant at, List<String> keys, long delta) {
        Map<String, Long> counts = days.computeIfAbsent(CountBucket.idOf(ProgrammeCalendar.dayOf(at), null),
                day -> new TreeMap<>());
        keys.forEach(key -> counts.merge(key, delta, Long::sum));
    }
}
