package org.clw.ledger.query.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The disclosure-control rule as a specification: given a table of counts, the table as published ({@code c} marks
 * a withheld count, primary or secondary alike). Tables are written as rows of counts; the published form adds each
 * row's total after {@code |} and the columns' totals as a last row after {@code =}.
 */
class DisclosureControlTest {

    private final DisclosureControl fives = new DisclosureControl(5);

    @Test
    void counts_of_one_to_four_are_withheld_and_zero_and_five_are_shown() {
        assertThat(list("0 1 4 5 12")).isEqualTo("0 c c 5 12 | 22");
    }

    @Test
    void a_list_with_one_withheld_count_loses_its_next_smallest_count_too_never_a_zero() {
        assertThat(list("3 12 0 7 30")).isEqualTo("c 12 0 c 30 | 52");
    }

    @Test
    void withheld_counts_that_together_are_still_a_small_number_take_the_next_smallest_with_them() {
        // Two 1s beside a published total would be read as 1 and 1.
        assertThat(list("1 1 10 30")).isEqualTo("c c c 30 | 42");
        assertThat(list("2 3 10 30")).isEqualTo("c c 10 30 | 45");
    }

    @Test
    void a_total_below_the_threshold_is_withheld_with_its_counts() {
        assertThat(list("2 1 0")).isEqualTo("c c 0 | c");
    }

    @Test
    void a_total_is_withheld_only_when_its_list_has_no_other_count_left_to_withhold() {
        // 3 and 4 of a total of 7: the total is itself a count from which nothing small can be read.
        assertThat(list("3 4")).isEqualTo("c c | 7");
        // One withheld count and nothing else above zero: total and count are the same small number.
        assertThat(list("0 3 0")).isEqualTo("0 c 0 | c");
    }

    @Test
    void secondary_suppression_runs_through_rows_and_columns_until_no_withheld_count_can_be_recovered() {
        // The 3 takes the 12 of its row and the 8 of its column; they take the 9: four unknowns, four sums, one
        // degree of freedom, so the 3 could be anything from 0 to 11.
        assertThat(grid("""
                3 12 20
                8  9  6
                10 15 25""")).isEqualTo("""
                c c 20 | 35
                c c 6 | 23
                10 15 25 | 50
                = 21 36 51 | 108""");
    }

    @Test
    void a_table_without_small_counts_is_published_whole() {
        assertThat(grid("""
                5 0 12
                7 9 0""")).isEqualTo("""
                5 0 12 | 17
                7 9 0 | 16
                = 12 9 12 | 33""");
    }

    @Test
    void no_withheld_count_of_any_row_or_column_can_be_worked_out_from_what_is_shown() {
        Random random = new Random(20261201);
        for (int run = 0; run < 500; run++) {
            int rows = 1 + random.nextInt(6);
            int columns = 1 + random.nextInt(6);
            long[][] counts = new long[rows][columns];
            for (long[] row : counts) {
                for (int c = 0; c < columns; c++) {
                    row[c] = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 6 : 40);
                }
            }
            Grid table = new Grid(counts);
            BitSet hidden = fives.suppress(table.table);
            for (List<Integer> sum : table.sums) {
                List<Integer> withheld = sum.stream().filter(hidden::get).toList();
                assertThat(withheld.size()).as("run %d, sum %s", run, sum).isNotEqualTo(1);
                if (!withheld.isEmpty() && !hidden.get(sum.get(0))) {
                    assertThat(withheld.stream().mapToLong(table.table::value).sum()).as("run %d", run)
                            .isGreaterThanOrEqualTo(5);
                }
            }
            for (int i = 0; i < table.table.size(); i++) {
                long value = table.table.value(i);
                if (value > 0 && value < 5) {
                    assertThat(hidden.get(i)).isTrue();
                }
                if (value == 0) {
                    assertThat(hidden.get(i)).isFalse();
                }
            }
        }
    }

    @Test
    void the_same_table_is_always_published_the_same_way() {
        String table = """
                1 2 3 4
                4 3 2 1
                9 9 9 9""";
        assertThat(grid(table)).isEqualTo(grid(table));
    }

    @Test
    void the_threshold_is_configurable_within_bounds() {
        assertThat(new Grid(new long[][] {{9, 10, 30}}).published(new DisclosureControl(10)))
                .isEqualTo("c c 30 | 49\n= c c 30 | 49");
        assertThat(new Grid(new long[][] {{1, 2, 30}}).published(new DisclosureControl(2)))
                .isEqualTo("c c 30 | 33\n= c c 30 | 33");
        assertThatThrownBy(() -> new DisclosureControl(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisclosureControl(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_configured_threshold_defaults_to_five_and_is_refused_outside_its_bounds() {
        assertThat(bind(Map.of()).disclosureThreshold()).isEqualTo(5);
        assertThat(bind(Map.of("clw.statistics.disclosure-threshold", "10")).disclosureThreshold()).isEqualTo(10);
        for (String wrong : List.of("1", "0", "-5", "101", "five")) {
            assertThatThrownBy(() -> bind(Map.of("clw.statistics.disclosure-threshold", wrong)))
                    .as(wrong).isInstanceOf(BindException.class);
        }
    }

    private static StatisticsDisclosure.Properties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("clw.statistics", StatisticsDisclosure.Properties.class);
    }

    @Test
    void a_declared_sum_must_be_the_sum_of_its_counts() {
        DisclosureControl.Table table = new DisclosureControl.Table();
        int a = table.count(3);
        int b = table.count(4);
        int wrong = table.count(8);
        assertThatThrownBy(() -> table.sum(wrong, List.of(a, b))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.count(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** One list of counts and its total, published. */
    private String list(String counts) {
        DisclosureControl.Table table = new DisclosureControl.Table();
        List<Integer> cells = Arrays.stream(counts.trim().split("\\s+")).map(Long::parseLong).map(table::count)
                .toList();
        int total = table.total(cells);
        BitSet hidden = fives.suppress(table);
        return cells.stream().map(cell -> shown(table, hidden, cell)).collect(Collectors.joining(" "))
                + " | " + shown(table, hidden, total);
    }

    /** A table of counts with its row, column and grand totals, published. */
    private String grid(String rows) {
        return new Grid(rows.lines().map(row -> Arrays.stream(row.trim().split("\\s+")).mapToLong(Long::parseLong)
                .toArray()).toArray(long[][]::new)).published(fives);
    }

    private static String shown(DisclosureControl.Table table, BitSet hidden, int cell) {
        return hidden.get(cell) ? "c" : String.valueOf(table.value(cell));
    }

    /** Counts in rows and columns, each row and column with its total, and the grand total of both. */
    private static final class Grid {

        final DisclosureControl.Table table = new DisclosureControl.Table();
        final List<List<Integer>> sums = new ArrayList<>();
        final int[][] cells;
        final int[] rowTotals;
        final int[] columnTotals;
        final int grand;

        Grid(long[][] counts) {
            cells = new int[counts.length][counts[0].length];
            for (int r = 0; r < counts.length; r++) {
                for (int c = 0; c < counts[r].length; c++) {
                    cells[r][c] = table.count(counts[r][c]);
                }
            }
            rowTotals = new int[counts.length];
            for (int r = 0; r < counts.length; r++) {
                rowTotals[r] = total(Arrays.stream(cells[r]).boxed().toList());
            }
            columnTotals = new int[counts[0].length];
            for (int c = 0; c < columnTotals.length; c++) {
                int column = c;
                columnTotals[c] = total(Arrays.stream(cells).map(row -> row[column]).toList());
            }
            grand = total(Arrays.stream(columnTotals).boxed().toList());
            List<Integer> ofRows = Arrays.stream(rowTotals).boxed().toList();
            table.sum(grand, ofRows);
            List<Integer> sum = new ArrayList<>(List.of(grand));
            sum.addAll(ofRows);
            sums.add(sum);
        }

        private int total(List<Integer> members) {
            int total = table.total(members);
            List<Integer> sum = new ArrayList<>(List.of(total));
            sum.addAll(members);
            sums.add(sum);
            return total;
        }

        String published(DisclosureControl control) {
            BitSet hidden = control.suppress(table);
            List<String> lines = new ArrayList<>();
            for (int r = 0; r < cells.length; r++) {
                lines.add(Arrays.stream(cells[r]).mapToObj(cell -> shown(table, hidden, cell))
                        .collect(Collectors.joining(" ")) + " | " + shown(table, hidden, rowTotals[r]));
            }
            lines.add("= " + Arrays.stream(columnTotals).mapToObj(cell -> shown(table, hidden, cell))
                    .collect(Collectors.joining(" ")) + " | " + shown(table, hidden, grand));
            return String.join("\n", lines);
        }
    }
}
