package org.clw.ledger.events.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.clw.ledger.events.IdFormat;

/** Identifies a proposal of a new entry for the community directory. */
public record ProposalId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProposalId {
        IdFormat.require(value, "proposal id");
    }

    @Override
    public String toString() {
        return value;
    }
}
