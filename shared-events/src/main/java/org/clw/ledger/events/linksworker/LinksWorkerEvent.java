package org.clw.ledger.events.linksworker;

import org.clw.ledger.events.LedgerEvent;

/**
 * An event in the life of a links worker. Sealed: a fold over the family learns of a new member from the
 * compiler, or from its test.
 */
public sealed interface LinksWorkerEvent extends LedgerEvent
        permits LinksWorkerCapacityChanged, LinksWorkerDeactivated, LinksWorkerRegistered, LinksWorkerSettingsChanged {

    LinksWorkerId workerId();
}
