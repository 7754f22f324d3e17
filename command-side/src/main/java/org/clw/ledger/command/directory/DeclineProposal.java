package org.clw.ledger.command.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.directory.ProposalDeclineReason;
import org.clw.ledger.events.directory.ProposalId;

/** Decline a proposal, for a coded reason. */
public record DeclineProposal(
        @TargetAggregateIdentifier ProposalId proposalId,
        ProposalDeclineReason reason) {
}
