package org.clw.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The calendar's periods and running totals, in plain Java: what a count goes into, what a question reads. */
class CalendarTest {

    @Test
    void a_count_in_a_year_goes_into_the_spans_of_years_that_end_at_or_after_it() {
        assertThat(Calendar.spansOf(2016)).containsExactly("Y1985-2016", "Y1-2048");
        // An odd year is its own span of one: its year document.
        assertThat(Calendar.spansOf(2025)).containsExactly("Y2025-2026", "Y2025-2028", "Y2017-2032", "Y1-2048");
        assertThat(IntStream.rangeClosed(1, Calendar.LAST_YEAR).map(year -> Calendar.spansOf(year).size()).max())
                .hasValue(11);
    }

    @Test
    void everything_up_to_a_day_is_at_most_twelve_spans_then_the_days_own_year() {
        assertThat(Calendar.upTo(LocalDate.of(2026, 3, 5))).containsExactly("Y2025", "Y2017-2024", "Y1985-2016",
                "Y1921-1984", "Y1793-1920", "Y1537-1792", "Y1025-1536", "Y1-1024", "M2026-01", "M2026-02",
                "D2026-03-01", "D2026-03-02", "D2026-03-03", "D2026-03-04", "D2026-03-05");
        assertThat(Calendar.upTo(LocalDate.of(2017, 12, 31))).containsExactly("Y1985-2016", "Y1921-1984",
                "Y1793-1920", "Y1537-1792", "Y1025-1536", "Y1-1024", "Y2017");
        for (int year = 1; year <= Calendar.LAST_YEAR; year++) {
            int spans = Calendar.upTo(LocalDate.of(year, 1, 1)).size() - 1;
            assertThat(spans).as("%d", year).isLessThanOrEqualTo(12);
        }
    }

    @Test
    void up_to_a_day_counts_every_earlier_or_same_day_once_and_no_later_one() {
        List<Integer> years = new ArrayList<>();
        IntStream.rangeClosed(1, 140).forEach(years::add);
        IntStream.rangeClosed(1990, 2090).forEach(years::add);
        years.addAll(List.of(2047, 2048, 2049, 4094, 4095));
        Map<LocalDate, List<String>> counts = new LinkedHashMap<>();
        for (int counted : years) {
            for (LocalDate at : List.of(LocalDate.of(counted, 6, 14), LocalDate.of(counted, 6, 15),
                    LocalDate.of(counted, 6, 16))) {
                List<String> into = new ArrayList<>(Calendar.keysOf(at));
                into.addAll(Calendar.spansOf(counted));
                counts.put(at, into);
            }
        }
        for (int asked : years) {
            for (LocalDate day : List.of(LocalDate.of(asked, 1, 1), LocalDate.of(asked, 6, 15),
                    LocalDate.of(asked, 12, 31))) {
                Set<String> read = new HashSet<>(Calendar.upTo(day));
                assertThat(read).hasSameSizeAs(Calendar.upTo(day));
                counts.forEach((at, into) -> assertThat(into.stream().filter(read::contains).count())
                        .as("a count on %s, asked up to %s", at, day).isEqualTo(at.isAfter(day) ? 0 : 1));
            }
        }
    }

    @Test
    void years_outside_the_running_totals_are_counted_at_their_edge_or_not_at_all() {
        assertThat(Calendar.spansOf(0)).isEqualTo(Calendar.spansOf(1));
        assertThat(Calendar.spansOf(Calendar.LAST_YEAR + 1)).isEmpty();
        assertThat(Calendar.upTo(LocalDate.of(0, 12, 31))).isEmpty();
        assertThatThrownBy(() -> Calendar.upTo(LocalDate.of(Calendar.LAST_YEAR + 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
