package org.clw.ledger.events.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An organisation joined the community directory. */
@Revision("1")
public record OrganisationRegistered(
        OrganisationId organisationId,
        OrganisationProfile profile,
        Instant occurredAt)
        implements OrganisationEvent {
}
