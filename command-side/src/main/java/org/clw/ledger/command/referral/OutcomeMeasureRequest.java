package org.clw.ledger.command.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.clw.ledger.events.referral.CompletionMode;
import org.clw.ledger.events.referral.OutcomeInstrument;
import org.clw.ledger.events.referral.OutcomeTimepoint;

record OutcomeMeasureRequest(
        @NotNull OutcomeInstrument instrument,
        @NotNull OutcomeTimepoint timepoint,
        @NotNull @Size(max = 14) List<@NotNull Integer> answers,
        @NotNull CompletionMode mode) {
}
