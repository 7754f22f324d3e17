package org.clw.ledger.events.linksworker;

import java.time.Instant;
import java.util.Set;
import org.clw.ledger.events.SortedSets;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.setting.SettingId;

/** A links worker joined, covering some settings with a caseload capacity. */
@Revision("1")
public record LinksWorkerRegistered(
        LinksWorkerId workerId,
        String name,
        Set<SettingId> settings,
        int capacity,
        Instant occurredAt)
        implements LinksWorkerEvent {

    public LinksWorkerRegistered {
        settings = SortedSets.copyOf(settings);
    }
}
