package org.clw.ledger.command.directory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.setting.Hscp;

/**
 * A service to add to the directory; lengths and the rule "areas or programme-wide" are the aggregate's
 * ({@link DirectoryRules}).
 *
 * @param serviceId optional: the server chooses one when absent
 */
record ServiceRequest(
        ServiceId serviceId,
        @NotNull OrganisationId organisationId,
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
