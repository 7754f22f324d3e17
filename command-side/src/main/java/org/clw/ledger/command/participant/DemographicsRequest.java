package org.clw.ledger.command.participant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.clw.ledger.events.participant.AgeBand;
import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.Gender;

record DemographicsRequest(
        @NotNull Gender gender,
        @NotNull AgeBand ageBand,
        @Min(1) @Max(10) Integer simdDecile) {

    Demographics toValue() {
        return new Demographics(gender, ageBand, simdDecile);
    }
}
