package org.clw.ledger.events.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A withdrawn service takes people again. */
@Revision("1")
public record ServiceReopened(
        ServiceId serviceId,
        OrganisationId organisationId,
        Instant occurredAt)
        implements ServiceEvent {
}
