package org.clw.ledger.command.linksworker;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.setting.SettingId;

/** Replace the settings a links worker covers. */
public record ChangeLinksWorkerSettings(
        @TargetAggregateIdentifier LinksWorkerId workerId,
        Set<SettingId> settings) {
}
