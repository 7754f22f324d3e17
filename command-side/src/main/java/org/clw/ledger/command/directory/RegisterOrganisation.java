package org.clw.ledger.command.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.OrganisationProfile;

/** Register an organisation in the community directory. */
public record RegisterOrganisation(
        @TargetAggregateIdentifier OrganisationId organisationId,
        OrganisationProfile profile) {
}
