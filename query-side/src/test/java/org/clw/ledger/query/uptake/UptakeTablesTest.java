package org.clw.ledger.query.uptake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.query.statistics.DisclosureControl;
import org.junit.jupiter.api.Test;

/** Uptake rows and their total as one protected table: small counts withheld, and none recoverable from a sum. */
class UptakeTablesTest {

    static final Tally A = new Tally(10, 9, 6, 3, Map.of(Need.DEBT, 10L));
    static final Tally B = new Tally(7, 7, 2, 5, Map.of(Need.DEBT, 7L));

    @Test
    void exact_figures_are_the_tallies_and_their_total_with_the_uptake_rate() {
        List<Figures> published = UptakeTables.publish(null, List.of(A, B));
        assertThat(published).hasSize(3);
        assertThat(published.get(0)).isEqualTo(new Figures(10L, 9L, 6L, 3L, 6.0 / 9, Map.of(Need.DEBT, 10L),
                List.of()));
        assertThat(published.get(2)).isEqualTo(new Figures(17L, 16L, 8L, 8L, 0.5, Map.of(), List.of()));
    }

    @Test
    void a_small_count_is_withheld_and_so_is_the_one_that_would_give_it_away() {
        List<Figures> published = UptakeTables.publish(new DisclosureControl(5), List.of(A, B));
        // A: 3 not taken up is small, and 9 outcomes - 6 taken up would recover it, so 6 goes too.
        assertThat(published.get(0)).isEqualTo(new Figures(10L, 9L, null, null, null, Map.of(Need.DEBT, 10L),
                List.of(Figures.TAKEN_UP, Figures.NOT_TAKEN_UP)));
        // B: 2 taken up is small; 7 outcomes - 5 not taken up would recover it.
        assertThat(published.get(1)).isEqualTo(new Figures(7L, 7L, null, null, null, Map.of(Need.DEBT, 7L),
                List.of(Figures.TAKEN_UP, Figures.NOT_TAKEN_UP)));
        // The totals stay: 8 taken up over two withheld counts does not give away either.
        assertThat(published.get(2)).isEqualTo(new Figures(17L, 16L, 8L, 8L, 0.5, Map.of(), List.of()));
    }

    @Test
    void no_rows_publish_a_zero_total() {
        assertThat(UptakeTables.publish(new DisclosureControl(5), List.of()))
                .containsExactly(new Figures(0L, 0L, 0L, 0L, null, Map.of(), List.of()));
    }
}
