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
import org.clw.ledger.events.directory.OrganisationChanged;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.OrganisationProfile;
import org.clw.ledger.events.directory.OrganisationRegistered;

/** An organisation of the community directory. Command handlers return the aggregate's version after the command. */
@Aggregate(cache = "aggregateCache", commandTargetResolver = ExpectedVersionTargetResolver.NAME)
class Organisation {

    @AggregateIdentifier
    private OrganisationId organisationId;
    private OrganisationRegistered registration;
    private OrganisationProfile profile;

    Organisation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RegisterOrganisation command, Clock clock) {
        return Creation.registerOnce(registration,
                at -> new OrganisationRegistered(command.organisationId(), command.profile(), at), clock,
                "Organisation", command.organisationId(), () -> DirectoryRules.check(command.profile()));
    }

    /** The same profile again changes nothing, so that re-importing a directory leaves no trace. */
    @CommandHandler
    long handle(ChangeOrganisation command, Clock clock) {
        DirectoryRules.check(command.profile());
        if (!command.profile().equals(profile)) {
            apply(new OrganisationChanged(organisationId, command.profile(), clock.instant()));
        }
        return getVersion();
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisationId = event.organisationId();
        registration = event;
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(OrganisationChanged event) {
        profile = event.profile();
    }
}
