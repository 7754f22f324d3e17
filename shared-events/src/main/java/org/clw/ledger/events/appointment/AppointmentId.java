package org.clw.ledger.events.appointment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.clw.ledger.events.IdFormat;

/** Identifies an appointment within a case. */
public record AppointmentId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AppointmentId {
        IdFormat.require(value, "appointment id");
    }

    @Override
    public String toString() {
        return value;
    }
}
