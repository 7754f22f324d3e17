package org.clw.ledger.events.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A manager or admin accepted the proposal: the directory service added for it is {@code service}. */
@Revision("1")
public record ProposalAccepted(
        ProposalId proposalId,
        ServiceId service,
        Instant occurredAt)
        implements ProposalEvent {
}
