package org.clw.ledger.events.setting;

/** Health and Social Care Partnership: the area a setting reports under. */
public enum Hscp {
    GLASGOW_CITY,
    WEST_DUNBARTONSHIRE,
    EAST_DUNBARTONSHIRE,
    EAST_RENFREWSHIRE,
    RENFREWSHIRE,
    INVERCLYDE
}
