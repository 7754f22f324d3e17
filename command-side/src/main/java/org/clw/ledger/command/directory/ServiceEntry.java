package org.clw.ledger.command.directory;

import org.clw.ledger.events.directory.OrganisationId;
import org.clw.ledger.events.directory.ServiceOffer;

/** A service of the directory as it now stands, folded from its events. */
public record ServiceEntry(OrganisationId organisationId, ServiceOffer offer, boolean open) {
}
