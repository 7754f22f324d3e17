package org.clw.ledger.command.directory;

import jakarta.validation.constraints.NotNull;
import org.clw.ledger.events.directory.OrganisationKind;
import org.clw.ledger.events.directory.OrganisationProfile;

/** What the directory is to say about an organisation from now on, all of it. */
record OrganisationChangeRequest(
        @NotNull String name,
        @NotNull OrganisationKind kind,
        String website,
        String phone,
        String email) {

    OrganisationProfile profile() {
        return new OrganisationProfile(name, kind, website, phone, email);
    }
}
