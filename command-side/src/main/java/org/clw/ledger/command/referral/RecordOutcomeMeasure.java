package org.clw.ledger.command.referral;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.referral.CompletionMode;
import org.clw.ledger.events.referral.OutcomeInstrument;
import org.clw.ledger.events.referral.OutcomeTimepoint;
import org.clw.ledger.events.referral.ReferralId;

/** Record a completed wellbeing scale. */
public record RecordOutcomeMeasure(
        @TargetAggregateIdentifier ReferralId referralId,
        OutcomeInstrument instrument,
        OutcomeTimepoint timepoint,
        List<Integer> answers,
        CompletionMode mode) {
}
