package org.clw.ledger.events.setting;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.clw.ledger.events.IdFormat;

/** Identifies a setting: a GP practice, foodbank, thematic service or outreach team. */
public record SettingId(@JsonValue String value) implements Comparable<SettingId> {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SettingId {
        IdFormat.require(value, "setting id");
    }

    @Override
    public int compareTo(SettingId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
