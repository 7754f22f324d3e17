package org.clw.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A period's table of every setting's counts, in plain Java. */
class SettingCountsTest {

    static final Counter RECEIVED = Counter.of("referralsReceived");
    static final Counter BY_GP = Counter.of("referralsReceived").by("route", "GP");

    @Test
    void each_setting_keeps_its_own_counts_in_the_one_document_of_the_period() {
        SettingCounts table = SettingCounts.of("M2026-03");
        assertThat(table.add("gp-1", Map.of(RECEIVED, 2L, BY_GP, 1L), 10)).isTrue();
        assertThat(table.add("fb-1", Map.of(RECEIVED, 1L), 11)).isTrue();
        assertThat(table.add("gp-1", Map.of(RECEIVED, 1L), 12)).isTrue();
        assertThat(table.period()).isEqualTo("M2026-03");
        assertThat(table.settingIds()).containsExactly("fb-1", "gp-1");
        assertThat(table.counts("gp-1")).containsExactlyInAnyOrderEntriesOf(Map.of(RECEIVED, 3L, BY_GP, 1L));
        assertThat(table.counts("fb-1")).containsExactlyInAnyOrderEntriesOf(Map.of(RECEIVED, 1L));
        assertThat(table.counts("gp-2")).isEmpty();
    }

    @Test
    void a_count_back_to_zero_is_dropped_and_so_is_a_setting_left_with_none() {
        SettingCounts table = SettingCounts.of("Y2026");
        table.add("gp-1", Map.of(RECEIVED, 1L, BY_GP, 1L), 1);
        table.add("fb-1", Map.of(RECEIVED, 1L), 2);
        table.add("gp-1", Map.of(BY_GP, -1L), 3);
        assertThat(table.counts("gp-1")).containsExactlyInAnyOrderEntriesOf(Map.of(RECEIVED, 1L));
        table.add("fb-1", Map.of(RECEIVED, -1L), 4);
        assertThat(table.settingIds()).containsExactly("gp-1");
    }

    @Test
    void a_difference_of_nothing_changes_nothing() {
        SettingCounts table = SettingCounts.of("D2026-03-05");
        assertThat(table.add("gp-1", Map.of(RECEIVED, 0L), 1)).isFalse();
        assertThat(table.settingIds()).isEmpty();
    }
}
