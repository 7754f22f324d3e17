package org.clw.ledger.command.participant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

record ChangeDetailsRequest(
        @NotNull @Valid PersonalDetailsRequest personalDetails,
        @NotNull @Valid DemographicsRequest demographics) {
}
