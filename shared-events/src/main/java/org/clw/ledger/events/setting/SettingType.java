package org.clw.ledger.events.setting;

/** What kind of place a links worker works in. */
public enum SettingType {
    GP_PRACTICE,
    FOODBANK,
    THEMATIC_SERVICE,
    OUTREACH
}
