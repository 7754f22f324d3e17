package org.clw.ledger.events.setting;

import org.clw.ledger.events.LedgerEvent;

/**
 * An event in the life of a setting (a practice, foodbank, thematic service or outreach team). Sealed: a fold over the family learns of a new member from the
 * compiler, or from its test.
 */
public sealed interface SettingEvent extends LedgerEvent
        permits SettingClosed, SettingRegistered {

    SettingId settingId();
}
