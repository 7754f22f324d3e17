package org.clw.ledger.events.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** What a service offers changed; {@code offer} is all of it, as it now stands. */
@Revision("1")
public record ServiceChanged(
        ServiceId serviceId,
        OrganisationId organisationId,
        ServiceOffer offer,
        Instant occurredAt)
        implements ServiceEvent {
}
