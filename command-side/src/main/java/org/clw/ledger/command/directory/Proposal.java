package org.clw.ledger.command.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.clw.ledger.command.dispatch.ExpectedVersionTargetResolver;
import org.clw.ledger.command.domain.Creation;
import org.clw.ledger.command.domain.InvalidCommand;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.events.directory.EntryProposed;
import org.clw.ledger.events.directory.ProposalAccepted;
import org.clw.ledger.events.directory.ProposalDeclined;
import org.clw.ledger.events.directory.ProposalId;
import org.clw.ledger.events.directory.ServiceId;

/**
 * A proposed directory entry: open until a manager or admin accepts it (naming the service added for it) or declines
 * it. That the service exists is checked before the command is sent (it is another aggregate).
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = ExpectedVersionTargetResolver.NAME)
class Proposal {

    @AggregateIdentifier
    private ProposalId proposalId;
    private EntryProposed proposal;
    private ServiceId acceptedAs;
    private boolean declined;

    Proposal() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ProposeEntry command, Clock clock) {
        return Creation.registerOnce(proposal,
                at -> new EntryProposed(command.proposalId(), command.organisationName(), command.offer(), at), clock,
                "Proposal", command.proposalId(),
                () -> DirectoryRules.checkProposal(command.organisationName(), command.offer()));
    }

    /** Accepting it again for the same service changes nothing. */
    @CommandHandler
    long handle(AcceptProposal command, Clock clock) {
        if (command.service() == null) {
            throw new InvalidCommand("serviceId", "name the directory service added for the proposal");
        }
        if (command.service().equals(acceptedAs)) {
            return getVersion();
        }
        requireOpen();
        apply(new ProposalAccepted(proposalId, command.service(), clock.instant()));
        return getVersion();
    }

    @CommandHandler
    long handle(DeclineProposal command, Clock clock) {
        if (command.reason() == null) {
            throw new InvalidCommand("reason", "say why the proposal is declined");
        }
        requireOpen();
        apply(new ProposalDeclined(proposalId, command.reason(), clock.instant()));
        return getVersion();
    }

    private void requireOpen() {
        if (acceptedAs != null || declined) {
            throw new RuleViolation("Proposal " + proposalId + " was already " + (declined ? "declined" : "accepted"));
        }
    }

    @EventSourcingHandler
    void on(EntryProposed event) {
        proposalId = event.proposalId();
        proposal = event;
    }

    @EventSourcingHandler
    void on(ProposalAccepted event) {
        acceptedAs = event.service();
    }

    @EventSourcingHandler
    void on(ProposalDeclined event) {
        declined = true;
    }
}
