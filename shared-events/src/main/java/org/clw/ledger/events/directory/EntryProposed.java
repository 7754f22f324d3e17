package org.clw.ledger.events.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A links worker or manager proposed a service not yet in the community directory: the organisation's name and what
 * the service offers. Organisational data only: it is linked to no referral and no person.
 */
@Revision("1")
public record EntryProposed(
        ProposalId proposalId,
        String organisationName,
        ServiceOffer offer,
        Instant occurredAt)
        implements ProposalEvent {
}
