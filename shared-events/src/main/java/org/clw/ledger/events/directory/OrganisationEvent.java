package org.clw.ledger.events.directory;

import org.clw.ledger.events.LedgerEvent;

/** An event in the life of an organisation of the community directory. Sealed, as every event family is. */
public sealed interface OrganisationEvent extends LedgerEvent
        permits OrganisationRegistered, OrganisationChanged {

    OrganisationId organisationId();
}
