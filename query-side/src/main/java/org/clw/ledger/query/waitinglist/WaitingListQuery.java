package org.clw.ledger.query.waitinglist;

import java.util.Set;
import org.clw.ledger.api.security.Caller;

/**
 * The waiting list as the caller may see it, of one setting or (null) of every setting they may see: the question of
 * {@code GET /api/waiting-list}.
 */
record WaitingListQuery(Caller caller, String setting, int page, int size) {

    /** Whether a change to these settings' waiting lists may change the answer. */
    boolean affectedBy(Set<String> settingIds) {
        if (setting != null) {
            return settingIds.contains(setting);
        }
        return !caller.isScoped() || settingIds.stream().anyMatch(caller.managedSettings()::contains);
    }
}
