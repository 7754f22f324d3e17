package org.clw.ledger.events.appointment;

/** How an appointment takes place. */
public enum AppointmentMode {
    IN_PERSON,
    HOME_VISIT,
    PHONE,
    VIDEO,
    COMMUNITY_VENUE,
    WALK_AND_TALK
}
