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
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.ServiceAdded;
import org.clw.ledger.events.directory.ServiceChanged;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;
import org.clw.ledger.events.directory.ServiceReopened;
import org.clw.ledger.events.directory.ServiceWithdrawn;

/**
 * A service an organisation offers. That the organisation is registered is checked before the command is sent (it is
 * another aggregate); everything else here. Command handlers return the aggregate's version after the command.
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = ExpectedVersionTargetResolver.NAME)
class Service {

    @AggregateIdentifier
    private ServiceId serviceId;
    private OrganisationId organisationId;
    private ServiceAdded addition;
    private ServiceOffer offer;
    private boolean withdrawn;

    Service() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(AddService command, Clock clock) {
        return Creation.registerOnce(addition,
                at -> new ServiceAdded(command.serviceId(), command.organisationId(), command.offer(), at), clock,
                "Service", command.serviceId(), () -> DirectoryRules.check(command.offer()));
    }

    /** The same offer again changes nothing, so that re-importing a directory leaves no trace. */
    @CommandHandler
    long handle(ChangeService command, Clock clock) {
        DirectoryRules.check(command.offer());
        if (!command.offer().equals(offer)) {
            apply(new ServiceChanged(serviceId, organisationId, command.offer(), clock.instant()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(WithdrawService command, Clock clock) {
        if (withdrawn) {
            throw new RuleViolation("Service " + serviceId + " is already withdrawn");
        }
        apply(new ServiceWithdrawn(serviceId, organisationId, clock.instant()));
        return getVersion();
    }

    @CommandHandler
    long handle(ReopenService command, Clock clock) {
        if (!withdrawn) {
            throw new RuleViolation("Service " + serviceId + " is open, not withdrawn");
        }
        apply(new ServiceReopened(serviceId, organisationId, clock.instant()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(ServiceAdded event) {
        serviceId = event.serviceId();
        organisationId = event.organisationId();
        addition = event;
        offer = event.offer();
    }

    @EventSourcingHandler
    void on(ServiceChanged event) {
        offer = event.offer();
    }

    @EventSourcingHandler
    void on(ServiceWithdrawn event) {
        withdrawn = true;
    }

    @EventSourcingHandler
    void on(ServiceReopened event) {
        withdrawn = false;
    }
}
