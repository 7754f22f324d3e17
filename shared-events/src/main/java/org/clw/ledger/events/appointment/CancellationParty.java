package org.clw.ledger.events.appointment;

/** Who cancelled an appointment. */
public enum CancellationParty {
    PARTICIPANT,
    LINKS_WORKER,
    SERVICE
}
