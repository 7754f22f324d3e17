package org.clw.ledger.standalone.demo;

import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingType;

/** A setting of the demo programme and its share of the referrals. */
record DemoSetting(SettingId id, String name, SettingType type, Hscp hscp, String practiceCode, boolean deepEnd,
                   double referralWeight) {
}
