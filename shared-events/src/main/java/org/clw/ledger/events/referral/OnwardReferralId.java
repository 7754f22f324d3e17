package org.clw.ledger.events.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.clw.ledger.events.IdFormat;

/** Identifies an onward referral or signposting within a case. */
public record OnwardReferralId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OnwardReferralId {
        IdFormat.require(value, "onward referral id");
    }

    @Override
    public String toString() {
        return value;
    }
}
