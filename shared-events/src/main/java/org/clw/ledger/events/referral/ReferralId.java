package org.clw.ledger.events.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.clw.ledger.events.IdFormat;

/** Identifies a referral, the case. */
public record ReferralId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ReferralId {
        IdFormat.require(value, "referral id");
    }

    @Override
    public String toString() {
        return value;
    }
}
