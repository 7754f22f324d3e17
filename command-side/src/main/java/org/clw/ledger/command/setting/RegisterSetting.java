package org.clw.ledger.command.setting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingType;

/** Register a setting: a GP practice, foodbank, thematic service or outreach team. */
public record RegisterSetting(
        @TargetAggregateIdentifier SettingId settingId,
        String name,
        SettingType type,
        Hscp hscp,
        String practiceCode,
        boolean deepEnd) {
}
