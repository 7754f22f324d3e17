package org.clw.ledger.query.waitinglist;

import java.util.LinkedHashMap;
import org.springframework.data.annotation.Id;

/** The referrals of one setting that wait for a first contact: one document per setting, fetched by id. */
class SettingWaitingList {

    @Id
    String settingId;
    long position = -1;
    LinkedHashMap<String, WaitingEntry> entries = new LinkedHashMap<>();

    static SettingWaitingList of(String settingId) {
        SettingWaitingList list = new SettingWaitingList();
        list.settingId = settingId;
        return list;
    }
}
