package org.clw.ledger.events.participant;

/** Age band used for statistics instead of the date of birth. */
public enum AgeBand {
    AGE_16_24,
    AGE_25_34,
    AGE_35_44,
    AGE_45_54,
    AGE_55_64,
    AGE_65_74,
    AGE_75_PLUS,
    UNKNOWN
}
