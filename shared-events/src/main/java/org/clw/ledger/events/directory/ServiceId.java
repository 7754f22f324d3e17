package org.clw.ledger.events.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.clw.ledger.events.IdFormat;

/** Identifies a service of the community directory. */
public record ServiceId(@JsonValue String value) implements Comparable<ServiceId> {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ServiceId {
        IdFormat.require(value, "service id");
    }

    @Override
    public int compareTo(ServiceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
