package org.clw.ledger.events.appointment;

/** What happened at a booked appointment. */
public enum Attendance {
    ATTENDED,
    MISSED
}
