package org.clw.ledger.events;

import java.time.Instant;

/** Every event says when the thing it records happened, besides the time the store recorded it. */
public interface LedgerEvent {

    Instant occurredAt();
}
