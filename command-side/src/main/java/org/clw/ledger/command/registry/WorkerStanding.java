package org.clw.ledger.command.registry;

import java.util.Set;
import org.clw.ledger.events.setting.SettingId;

/** A links worker as allocation sees them: active or not, where they work, how full their caseload is. */
public record WorkerStanding(boolean active, Set<SettingId> settings, int capacity, int openCases) {

    public WorkerStanding {
        settings = Set.copyOf(settings);
    }

    public boolean covers(SettingId settingId) {
        return settings.contains(settingId);
    }

    public boolean atCapacity() {
        return openCases >= capacity;
    }
}
