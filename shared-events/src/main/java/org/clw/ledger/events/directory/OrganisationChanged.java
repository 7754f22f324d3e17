package org.clw.ledger.events.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** What the directory says about an organisation changed; {@code profile} is all of it, as it now stands. */
@Revision("1")
public record OrganisationChanged(
        OrganisationId organisationId,
        OrganisationProfile profile,
        Instant occurredAt)
        implements OrganisationEvent {
}
