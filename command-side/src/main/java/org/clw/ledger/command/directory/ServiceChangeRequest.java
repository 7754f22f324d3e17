package org.clw.ledger.command.directory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;

/** What a service is to offer from now on, all of it. */
record ServiceChangeRequest(
        @NotNull String name,
        String description,
        @NotNull @Size(max = 30) Set<@NotNull Need> needs,
        @Size(max = 20) Set<@NotNull Hscp> areas,
        boolean programmeWide,
        @NotNull @Size(max = 5) Set<@NotNull OnwardReferralKind> linkModes) {

    ServiceOffer offer() {
        return new ServiceOffer(name, description, needs, areas, programmeWide, linkModes);
    }
}
