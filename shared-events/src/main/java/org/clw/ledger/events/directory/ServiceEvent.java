package org.clw.ledger.events.directory;

import org.clw.ledger.events.LedgerEvent;

/**
 * An event in the life of a service of the community directory; each names the organisation that offers it, so a
 * read model needs no other lookup to file it.
 */
public sealed interface ServiceEvent extends LedgerEvent
        permits ServiceAdded, ServiceChanged, ServiceWithdrawn, ServiceReopened {

    ServiceId serviceId();

    OrganisationId organisationId();
}
