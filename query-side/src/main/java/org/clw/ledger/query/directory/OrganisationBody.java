package org.clw.ledger.query.directory;

import java.time.Instant;
import org.clw.ledger.events.directory.OrganisationKind;

/** An organisation of the directory, as the API shows it. */
record OrganisationBody(String organisationId, String name, OrganisationKind kind, String website, String phone,
                        String email, Instant registeredAt, Instant changedAt, long version) {

    static OrganisationBody of(OrganisationDocument document) {
        return new OrganisationBody(document.organisationId, document.name, document.kind, document.website,
                document.phone, document.email, document.registeredAt, document.changedAt, document.version);
    }
}
