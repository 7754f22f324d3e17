package org.clw.ledger.command.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.directory.ProposalId;
import org.clw.ledger.events.directory.ServiceId;

/** Accept a proposal, naming the directory service added for it. */
public record AcceptProposal(
        @TargetAggregateIdentifier ProposalId proposalId,
        ServiceId service) {
}
