package org.clw.ledger.command.linksworker;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.setting.SettingId;

/** Register a links worker with the settings they cover and their caseload capacity. */
public record RegisterLinksWorker(
        @TargetAggregateIdentifier LinksWorkerId workerId,
        String name,
        Set<SettingId> settings,
        int capacity) {
}
