package org.clw.ledger.events.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.clw.ledger.events.IdFormat;

/** Identifies an organisation of the community directory. */
public record OrganisationId(@JsonValue String value) implements Comparable<OrganisationId> {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrganisationId {
        IdFormat.require(value, "organisation id");
    }

    @Override
    public int compareTo(OrganisationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
