package org.clw.ledger.events.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An organisation's service joined the community directory, open to onward referrals. */
@Revision("1")
public record ServiceAdded(
        ServiceId serviceId,
        OrganisationId organisationId,
        ServiceOffer offer,
        Instant occurredAt)
        implements ServiceEvent {
}
