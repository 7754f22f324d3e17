package org.clw.ledger.events.linksworker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.clw.ledger.events.IdFormat;

/** Identifies a links worker. */
public record LinksWorkerId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LinksWorkerId {
        IdFormat.require(value, "links worker id");
    }

    @Override
    public String toString() {
        return value;
    }
}
