package org.clw.ledger.command.setting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingType;

/** @param settingId optional: the server chooses one when absent */
record RegisterSettingRequest(
        SettingId settingId,
        @NotBlank @Size(max = 200) String name,
        @NotNull SettingType type,
        @NotNull Hscp hscp,
        @Pattern(regexp = "\\d{5}", message = "a practice code is 5 digits") String practiceCode,
        boolean deepEnd) {
}
