package org.clw.ledger.query.timeline;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.clw.ledger.query.referral.CaseStatus;
import org.clw.ledger.query.statistics.DisclosureControl;

/**
 * The timeline's counts as {@link DisclosureControl} tables. The state on a day: the cases per status, with the open
 * cases and the waiting list as sums of statuses (open: accepted, allocated, active; waiting: received, accepted,
 * allocated). A series: each period's open and waiting counts at its end, and its referrals in, closures out and
 * cases behind the median wait, which add up over the periods to the figures of the whole period.
 */
final class TimelineDisclosure {

    private TimelineDisclosure() {
    }

    /** The state's counts as published: {@code casesByStatus} with nulls, and the paths withheld. */
    record State(Long openCases, Long waitingList, Map<String, Long> casesByStatus, List<String> suppressed) {
    }

    /** One period's figures as published. */
    record Flows(Long openAtEnd, Long waitingAtEnd, Long referralsIn, Long closuresOut, Long medianWaitDays,
                 List<String> suppressed) {
    }

    static State state(DisclosureControl control, long open, long waiting, Map<String, Long> byStatus) {
        DisclosureControl.Table table = new DisclosureControl.Table();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, table.count(count)));
        int openCell = table.count(open);
        int waitingCell = table.count(waiting);
        table.sum(openCell, members(statuses, CaseStatus::isOpen));
        table.sum(waitingCell, members(statuses, CaseStatus::isWaiting));
        BitSet hidden = control.suppress(table);
        List<String> suppressed = new ArrayList<>();
        Map<String, Long> published = new TreeMap<>();
        statuses.forEach((status, cell) -> published.put(status,
                shown(table, cell, hidden, "casesByStatus." + status, suppressed)));
        return new State(shown(table, openCell, hidden, "openCases", suppressed),
                shown(table, waitingCell, hidden, "waitingList", suppressed), published, suppressed);
    }

    /** @param periods each period's exact figures, with the cases behind its median wait */
    static List<Flows> series(DisclosureControl control, List<Exact> periods) {
        DisclosureControl.Table table = new DisclosureControl.Table();
        int[] base = new int[periods.size()];
        for (int p = 0; p < periods.size(); p++) {
            Exact period = periods.get(p);
            base[p] = table.count(period.openAtEnd());
            table.count(period.waitingAtEnd());
            table.count(period.referralsIn());
            table.count(period.closuresOut());
            table.count(period.waitCases());
        }
        for (int k = 2; k < 5; k++) {
            List<Integer> members = new ArrayList<>();
            for (int cell : base) {
                members.add(cell + k);
            }
            table.total(members);
        }
        BitSet hidden = control.suppress(table);
        List<Flows> published = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            List<String> suppressed = new ArrayList<>();
            int cell = base[p];
            Long median = hidden.get(cell + 4) ? null : periods.get(p).medianWaitDays();
            if (hidden.get(cell + 4)) {
                suppressed.add("medianWaitDays");
            }
            published.add(new Flows(shown(table, cell, hidden, "openAtEnd", suppressed),
                    shown(table, cell + 1, hidden, "waitingAtEnd", suppressed),
                    shown(table, cell + 2, hidden, "referralsIn", suppressed),
                    shown(table, cell + 3, hidden, "closuresOut", suppressed), median, List.copyOf(suppressed)));
        }
        return published;
    }

    /** A period's exact figures. */
    record Exact(long openAtEnd, long waitingAtEnd, long referralsIn, long closuresOut, long waitCases,
                 Long medianWaitDays) {

        Flows published() {
            return new Flows(openAtEnd, waitingAtEnd, referralsIn, closuresOut, medianWaitDays, List.of());
        }
    }

    private static List<Integer> members(Map<String, Integer> statuses, Predicate<CaseStatus> which) {
        return statuses.entrySet().stream().filter(entry -> which.test(CaseStatus.valueOf(entry.getKey())))
                .map(Map.Entry::getValue).toList();
    }

    private static Long shown(DisclosureControl.Table table, int cell, BitSet hidden, String path,
            List<String> suppressed) {
        if (hidden.get(cell)) {
            suppressed.add(path);
            return null;
        }
        return table.value(cell);
    }
}
