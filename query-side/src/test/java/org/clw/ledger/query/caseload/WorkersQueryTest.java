package org.clw.ledger.query.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Role;
import org.junit.jupiter.api.Test;

/** Which changed caseloads a live list of workers is told of. */
class WorkersQueryTest {

    @Test
    void a_links_worker_is_told_only_of_their_own_caseload() {
        WorkersQuery query = new WorkersQuery(new Caller("w", Role.LINKS_WORKER, "lw-1", Set.of()), 0, 50);
        assertThat(query.affectedBy(Set.of("lw-2"))).isFalse();
        assertThat(query.affectedBy(Set.of("lw-2", "lw-1"))).isTrue();
    }

    @Test
    void a_manager_is_told_of_any_since_a_worker_leaving_their_settings_leaves_their_list() {
        WorkersQuery query = new WorkersQuery(new Caller("m", Role.SERVICE_MANAGER, null, Set.of("fb-1")), 0, 50);
        assertThat(query.affectedBy(Set.of("lw-9"))).isTrue();
    }
}
