package org.clw.ledger.command.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.directory.ProposalId;
import org.clw.ledger.events.directory.ServiceOffer;

/** Propose a service not yet in the directory, and the organisation offering it, as a new entry. */
public record ProposeEntry(
        @TargetAggregateIdentifier ProposalId proposalId,
        String organisationName,
        ServiceOffer offer) {
}
