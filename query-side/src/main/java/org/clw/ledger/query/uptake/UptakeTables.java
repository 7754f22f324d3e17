package org.clw.ledger.query.uptake;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.query.statistics.DisclosureControl;

/**
 * An uptake answer as one {@link DisclosureControl} table: each row's counts, with the sums within a row (outcomes
 * recorded = taken up + not taken up; made = the sum over needs) and a totals row whose counts are the sums of the
 * rows'. Protected as a whole before it is paged, so no page can be combined with the totals to recover a count.
 */
final class UptakeTables {

    private UptakeTables() {
    }

    /** The rows and their total as published; the last figures are the total's. */
    static List<Figures> publish(DisclosureControl control, List<Tally> rows) {
        Tally total = rows.stream().reduce(Tally.NONE, Tally::plus);
        if (control == null) {
            List<Figures> exact = new ArrayList<>(rows.stream().map(Figures::exact).toList());
            exact.add(new Figures(total.made(), total.outcomes(), total.takenUp(), total.notTakenUp(),
                    Figures.rate(total.takenUp(), total.outcomes()), Map.of(), List.of()));
            return exact;
        }
        DisclosureControl.Table table = new DisclosureControl.Table();
        List<Cells> cells = new ArrayList<>();
        for (Tally row : rows) {
            cells.add(cells(table, row));
        }
        int made = table.total(cells.stream().map(Cells::made).toList());
        int outcomes = table.total(cells.stream().map(Cells::outcomes).toList());
        int takenUp = table.total(cells.stream().map(Cells::takenUp).toList());
        int notTakenUp = table.total(cells.stream().map(Cells::notTakenUp).toList());
        table.sum(outcomes, List.of(takenUp, notTakenUp));
        BitSet hidden = control.suppress(table);
        List<Figures> published = new ArrayList<>();
        for (Cells row : cells) {
            published.add(published(table, hidden, row));
        }
        published.add(published(table, hidden, new Cells(made, outcomes, takenUp, notTakenUp, Map.of())));
        return published;
    }

    private record Cells(int made, int outcomes, int takenUp, int notTakenUp, Map<Need, Integer> needs) {
    }

    private static Cells cells(DisclosureControl.Table table, Tally row) {
        int made = table.count(row.made());
        int takenUp = table.count(row.takenUp());
        int notTakenUp = table.count(row.notTakenUp());
        int outcomes = table.total(List.of(takenUp, notTakenUp));
        Map<Need, Integer> needs = new TreeMap<>();
        row.needs().forEach((need, value) -> needs.put(need, table.count(value)));
        if (!needs.isEmpty()) {
            table.sum(made, List.copyOf(needs.values()));
        }
        return new Cells(made, outcomes, takenUp, notTakenUp, needs);
    }

    private static Figures published(DisclosureControl.Table table, BitSet hidden, Cells cells) {
        List<String> withheld = new ArrayList<>();
        Long made = value(table, hidden, cells.made(), Figures.MADE, withheld);
        Long outcomes = value(table, hidden, cells.outcomes(), Figures.OUTCOMES, withheld);
        Long takenUp = value(table, hidden, cells.takenUp(), Figures.TAKEN_UP, withheld);
        Long notTakenUp = value(table, hidden, cells.notTakenUp(), Figures.NOT_TAKEN_UP, withheld);
        Map<Need, Long> needs = new TreeMap<>();
        cells.needs().forEach((need, index) -> needs.put(need,
                value(table, hidden, index, Figures.NEEDS + need, withheld)));
        return new Figures(made, outcomes, takenUp, notTakenUp, Figures.rate(takenUp, outcomes),
                Collections.unmodifiableMap(needs), List.copyOf(withheld));
    }

    private static Long value(DisclosureControl.Table table, BitSet hidden, int index, String name,
            List<String> withheld) {
        if (hidden.get(index)) {
            withheld.add(name);
            return null;
        }
        return table.value(index);
    }
}
