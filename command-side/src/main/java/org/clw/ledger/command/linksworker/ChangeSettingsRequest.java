package org.clw.ledger.command.linksworker;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.clw.ledger.events.setting.SettingId;

record ChangeSettingsRequest(@NotEmpty @Size(max = 50) Set<@NotNull SettingId> settings) {
}
