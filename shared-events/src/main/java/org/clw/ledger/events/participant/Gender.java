package org.clw.ledger.events.participant;

/** Gender as the person describes it; reported in statistics, never derived from the CHI number. */
public enum Gender {
    FEMALE,
    MALE,
    NON_BINARY,
    OTHER,
    NOT_DISCLOSED
}
