package org.clw.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Counters and the calendar keys of count documents, in plain Java. */
class CounterTest {

    @Test
    void a_counter_is_stored_as_one_key_and_read_back_the_same() {
        for (Counter counter : new Counter[] {Counter.of("referralsReceived"),
                Counter.of("referralsReceived").by("route", "GP"), Counter.of("waitDays", 12),
                Counter.of("waitDays", 12).by("need", "DEBT"), Counter.of("open").by("setting", "gp-40001")}) {
            assertThat(Counter.parse(counter.key())).isEqualTo(counter);
        }
        assertThat(Counter.of("waitDays", 12).by("route", "GP").key()).isEqualTo("waitDays:12|route=GP");
        assertThat(Counter.of("waitDays", 12).by("route", "GP").overall()).isEqualTo(Counter.of("waitDays", 12));
        assertThatThrownBy(() -> new Counter("open", null, "setting", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_day_counts_in_its_day_its_month_and_its_year() {
        assertThat(Calendar.keysOf(LocalDate.of(2026, 3, 5))).containsExactly("Y2026", "M2026-03", "D2026-03-05");
    }

    @Test
    void a_period_is_covered_by_whole_years_then_whole_months_then_days() {
        assertThat(Calendar.cover(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).containsExactly("Y2026");
        assertThat(Calendar.cover(LocalDate.of(2025, 11, 30), LocalDate.of(2027, 2, 2))).containsExactly(
                "D2025-11-30", "M2025-12", "Y2026", "M2027-01", "D2027-02-01", "D2027-02-02");
        assertThat(Calendar.cover(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).containsExactly("M2026-03");
        assertThat(Calendar.cover(LocalDate.of(2026, 3, 13), LocalDate.of(2026, 3, 13)))
                .containsExactly("D2026-03-13");
        // Ten years cost ten documents, not 3,650.
        assertThat(Calendar.cover(LocalDate.of(2016, 1, 1), LocalDate.of(2025, 12, 31))).hasSize(10);
    }
}
