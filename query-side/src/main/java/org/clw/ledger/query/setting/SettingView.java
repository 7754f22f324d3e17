package org.clw.ledger.query.setting;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingType;
import org.springframework.data.annotation.Id;

/** A setting of the programme, for reference lists and for grouping statistics by HSCP. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public class SettingView {

    public static final String COLLECTION = "settings";

    @Id
    String settingId;
    long version = -1;
    long position = -1;
    String name;
    SettingType type;
    Hscp hscp;
    String practiceCode;
    boolean deepEnd;
    boolean open;

    static SettingView of(String settingId) {
        SettingView setting = new SettingView();
        setting.settingId = settingId;
        return setting;
    }

    public String settingId() {
        return settingId;
    }

    public Hscp hscp() {
        return hscp;
    }
}
