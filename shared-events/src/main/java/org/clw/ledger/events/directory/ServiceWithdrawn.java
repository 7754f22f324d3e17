package org.clw.ledger.events.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A service stopped taking people; it stays in the directory, with its history, as withdrawn. */
@Revision("1")
public record ServiceWithdrawn(
        ServiceId serviceId,
        OrganisationId organisationId,
        Instant occurredAt)
        implements ServiceEvent {
}
