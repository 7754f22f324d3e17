package org.clw.ledger.command.directory;

import jakarta.validation.constraints.NotNull;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.OrganisationKind;
import org.clw.ledger.events.directory.OrganisationProfile;

/**
 * An organisation to register; lengths and shapes are the aggregate's rules ({@link DirectoryRules}).
 *
 * @param organisationId optional: the server chooses one when absent
 */
record OrganisationRequest(
        OrganisationId organisationId,
        @NotNull String name,
        @NotNull OrganisationKind kind,
        String website,
        String phone,
        String email) {

    OrganisationProfile profile() {
        return new OrganisationProfile(name, kind, website, phone, email);
    }
}
