package org.clw.ledger.query.statistics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The statistics' answers as {@link DisclosureControl} tables: every count of a report, the sums within it (closures
 * by reason add up to the closures), and for a series the sums across it (a group's periods add up to its total for
 * the whole period, a period's groups to the programme's figure for that period, which other queries publish).
 */
final class ReportTables {

    private static final String RECEIVED = "referrals.received";

    private ReportTables() {
    }

    /** A series' reports, per period and group, and per group over the whole period, as published. */
    record Series(List<Map<String, StatisticsReport>> periods, Map<String, StatisticsReport> totals) {
    }

    static StatisticsDisclosure.Totals totals(DisclosureControl control, StatisticsReport report, Map<String, Long> byRoute,
            Map<String, Long> byNeed) {
        DisclosureControl.Table table = new DisclosureControl.Table();
        List<String> paths = new ArrayList<>(report.counts().keySet());
        int base = add(table, paths, report);
        int received = base + paths.indexOf(RECEIVED);
        int routes = split(table, received, byRoute);
        int needs = split(table, received, byNeed);
        BitSet hidden = control.suppress(table);
        Set<String> suppressed = new TreeSet<>();
        return new StatisticsDisclosure.Totals(report.withheld(hiddenPaths(paths, base, hidden)),
                withheld(byRoute, routes, hidden, "referralsReceivedByRoute.", suppressed),
                withheld(byNeed, needs, hidden, "referralsReceivedByNeed.", suppressed), List.copyOf(suppressed));
    }

    /**
     * @param periods each period's reports by group
     * @param totals  each group's report over all the periods (its counts are the sums of the periods' counts)
     */
    static Series series(DisclosureControl control, List<Map<String, StatisticsReport>> periods,
            Map<String, StatisticsReport> totals) {
        List<String> groups = new ArrayList<>(new TreeSet<>(totals.keySet()));
        Set<String> union = new LinkedHashSet<>();
        totals.values().forEach(report -> union.addAll(report.counts().keySet()));
        List<String> paths = new ArrayList<>(union);
        DisclosureControl.Table table = new DisclosureControl.Table();
        int[][] cells = new int[periods.size()][groups.size()];
        for (int p = 0; p < periods.size(); p++) {
            for (int g = 0; g < groups.size(); g++) {
                cells[p][g] = add(table, paths, periods.get(p).get(groups.get(g)));
            }
        }
        int[] groupTotals = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            groupTotals[g] = add(table, paths, totals.get(groups.get(g)));
            int group = g;
            sums(table, paths, groupTotals[g], periods.size(), p -> cells[p][group]);
        }
        int[] periodTotals = new int[periods.size()];
        for (int p = 0; p < periods.size(); p++) {
            int period = p;
            periodTotals[p] = totalOf(table, paths, groups.size(), g -> cells[period][g]);
        }
        int grand = totalOf(table, paths, groups.size(), g -> groupTotals[g]);
        sums(table, paths, grand, periods.size(), p -> periodTotals[p]);
        BitSet hidden = control.suppress(table);
        List<Map<String, StatisticsReport>> published = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            Map<String, StatisticsReport> reports = new TreeMap<>();
            for (int g = 0; g < groups.size(); g++) {
                StatisticsReport report = periods.get(p).get(groups.get(g));
                if (report != null) {
                    reports.put(groups.get(g), report.withheld(hiddenPaths(paths, cells[p][g], hidden)));
                }
            }
            published.add(reports);
        }
        Map<String, StatisticsReport> publishedTotals = new TreeMap<>();
        for (int g = 0; g < groups.size(); g++) {
            publishedTotals.put(groups.get(g),
                    totals.get(groups.get(g)).withheld(hiddenPaths(paths, groupTotals[g], hidden)));
        }
        return new Series(published, publishedTotals);
    }

    /** Adds a report's counts at the paths (zero where it has none), and the closures' sum; the first one's index. */
    private static int add(DisclosureControl.Table table, List<String> paths, StatisticsReport report) {
        Map<String, Long> counts = report == null ? Map.of() : report.counts();
        int base = table.size();
        paths.forEach(path -> table.count(counts.getOrDefault(path, 0L)));
        List<Integer> reasons = new ArrayList<>();
        for (int k = 0; k < paths.size(); k++) {
            if (paths.get(k).startsWith(StatisticsReport.REASON)) {
                reasons.add(base + k);
            }
        }
        sumWithRest(table, base + paths.indexOf(StatisticsReport.CLOSURES), reasons);
        return base;
    }

    /** Declares each path's count at {@code total} the sum of the counts at {@code size} cells. */
    private static void sums(DisclosureControl.Table table, List<String> paths, int total, int size,
            IntFunction<Integer> cell) {
        for (int k = 0; k < paths.size(); k++) {
            List<Integer> members = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                members.add(cell.apply(i) + k);
            }
            table.sum(total + k, members);
        }
    }

    /** Adds, path by path, the totals of {@code size} cells; the first one's index. */
    private static int totalOf(DisclosureControl.Table table, List<String> paths, int size,
            IntFunction<Integer> cell) {
        int base = table.size();
        for (int k = 0; k < paths.size(); k++) {
            List<Integer> members = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                members.add(cell.apply(i) + k);
            }
            table.total(members);
        }
        return base;
    }

    /** Received referrals split by a dimension, as counts that add up to them; the first one's index. */
    private static int split(DisclosureControl.Table table, int received, Map<String, Long> values) {
        int base = table.size();
        List<Integer> members = new ArrayList<>();
        values.values().forEach(value -> members.add(table.count(value)));
        sumWithRest(table, received, members);
        return base;
    }

    /**
     * A total and its parts; whatever the parts leave of the total is a part no answer publishes (the figures
     * are kept so that there is none, but an unpublished part only makes the others harder to work out).
     */
    private static void sumWithRest(DisclosureControl.Table table, int total, List<Integer> parts) {
        long rest = table.value(total) - parts.stream().mapToLong(table::value).sum();
        if (rest < 0) {
            return;
        }
        List<Integer> members = new ArrayList<>(parts);
        if (rest > 0) {
            members.add(table.count(rest));
        }
        table.sum(total, members);
    }

    private static Set<String> hiddenPaths(List<String> paths, int base, BitSet hidden) {
        Set<String> withheld = new HashSet<>();
        for (int k = 0; k < paths.size(); k++) {
            if (hidden.get(base + k)) {
                withheld.add(paths.get(k));
            }
        }
        return withheld;
    }

    private static Map<String, Long> withheld(Map<String, Long> values, int base, BitSet hidden, String prefix,
            Set<String> suppressed) {
        Map<String, Long> published = new TreeMap<>();
        int i = base;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            if (hidden.get(i++)) {
                published.put(entry.getKey(), null);
                suppressed.add(prefix + entry.getKey());
            } else {
                published.put(entry.getKey(), entry.getValue());
            }
        }
        return published;
    }
}
