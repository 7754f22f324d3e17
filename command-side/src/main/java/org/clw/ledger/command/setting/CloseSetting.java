package org.clw.ledger.command.setting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.setting.SettingId;

/** Close a setting to new referrals. */
public record CloseSetting(
        @TargetAggregateIdentifier SettingId settingId) {
}
