package org.clw.ledger.events.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A manager or admin declined the proposal, for a coded reason (no free text that could name anyone). */
@Revision("1")
public record ProposalDeclined(
        ProposalId proposalId,
        ProposalDeclineReason reason,
        Instant occurredAt)
        implements ProposalEvent {
}
