package org.clw.ledger.command.linksworker;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.setting.SettingId;

/** @param workerId optional: the server chooses one when absent */
record RegisterLinksWorkerRequest(
        LinksWorkerId workerId,
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 50) Set<@NotNull SettingId> settings,
        @NotNull @Min(1) @Max(500) Integer capacity) {
}
