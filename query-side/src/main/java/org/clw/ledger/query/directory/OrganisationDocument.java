package org.clw.ledger.query.directory;

import java.time.Instant;
import org.clw.ledger.events.directory.OrganisationKind;
import org.springframework.data.annotation.Id;

/** An organisation of the directory as stored: the {@code directory_organisations} collection. */
class OrganisationDocument {

    static final String COLLECTION = "directory_organisations";

    @Id
    String organisationId;
    long version = -1;
    long position = -1;
    String name;
    /** The name in lower case, for ordering and word search whatever the capitals. */
    String searchName;
    OrganisationKind kind;
    String website;
    String phone;
    String email;
    Instant registeredAt;
    Instant changedAt;

    static OrganisationDocument of(String organisationId) {
        OrganisationDocument organisation = new OrganisationDocument();
        organisation.organisationId = organisationId;
        return organisation;
    }
}
