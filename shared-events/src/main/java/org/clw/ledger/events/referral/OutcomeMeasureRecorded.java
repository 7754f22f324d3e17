package org.clw.ledger.events.referral;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;

/** A wellbeing scale was completed at a timepoint of the case; the answers are kept item by item. */
@Revision("1")
public record OutcomeMeasureRecorded(
        ReferralId referralId,
        OutcomeInstrument instrument,
        OutcomeTimepoint timepoint,
        List<Integer> answers,
        CompletionMode mode,
        Instant occurredAt)
        implements CaseEvent {

    public OutcomeMeasureRecorded {
        answers = List.copyOf(answers);
    }

    public int score() {
        return instrument.score(answers);
    }
}
