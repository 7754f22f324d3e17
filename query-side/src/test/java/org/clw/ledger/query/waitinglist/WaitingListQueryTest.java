package org.clw.ledger.query.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Role;
import org.junit.jupiter.api.Test;

/** Which changed waiting lists a live waiting list is told of: those its caller's scope and setting hold. */
class WaitingListQueryTest {

    private static final Caller MANAGER = new Caller("m", Role.SERVICE_MANAGER, null, Set.of("fb-1"));
    private static final Caller AUDITOR = new Caller("a", Role.AUDITOR, null, Set.of());

    @Test
    void a_managers_list_of_all_their_settings_is_told_only_of_the_settings_they_manage() {
        WaitingListQuery query = new WaitingListQuery(MANAGER, null, 0, 50);
        assertThat(query.affectedBy(Set.of("gp-1"))).isFalse();
        assertThat(query.affectedBy(Set.of("gp-1", "fb-1"))).isTrue();
    }

    @Test
    void a_list_of_one_setting_is_told_only_of_that_setting() {
        WaitingListQuery query = new WaitingListQuery(AUDITOR, "gp-1", 0, 50);
        assertThat(query.affectedBy(Set.of("fb-1"))).isFalse();
        assertThat(query.affectedBy(Set.of("gp-1"))).isTrue();
    }

    @Test
    void an_auditors_list_of_every_setting_is_told_of_any() {
        assertThat(new WaitingListQuery(AUDITOR, null, 0, 50).affectedBy(Set.of("fb-1"))).isTrue();
    }
}
