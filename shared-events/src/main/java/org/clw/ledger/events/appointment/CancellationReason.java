package org.clw.ledger.events.appointment;

/** Why an appointment was cancelled. */
public enum CancellationReason {
    PARTICIPANT_REQUEST,
    PARTICIPANT_UNWELL,
    WORKER_UNAVAILABLE,
    NO_LONGER_NEEDED,
    CASE_CLOSED,
    OTHER
}
