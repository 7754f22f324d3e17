package org.clw.ledger.command.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.OrganisationProfile;

/** Replace what the directory says about an organisation. */
public record ChangeOrganisation(
        @TargetAggregateIdentifier OrganisationId organisationId,
        OrganisationProfile profile) {
}
