package org.clw.ledger.command.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;

/** Add a service of a registered organisation to the directory. */
public record AddService(
        @TargetAggregateIdentifier ServiceId serviceId,
        OrganisationId organisationId,
        ServiceOffer offer) {
}
