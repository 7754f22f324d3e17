package org.clw.ledger.events.linksworker;

import java.time.Instant;
import java.util.Set;
import org.clw.ledger.events.SortedSets;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.setting.SettingId;

/** The settings a links worker covers changed; the set given is the new whole. */
@Revision("1")
public record LinksWorkerSettingsChanged(
        LinksWorkerId workerId,
        Set<SettingId> settings,
        Instant occurredAt)
        implements LinksWorkerEvent {

    public LinksWorkerSettingsChanged {
        settings = SortedSets.copyOf(settings);
    }
}
