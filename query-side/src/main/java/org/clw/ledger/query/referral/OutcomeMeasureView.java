package org.clw.ledger.query.referral;

import java.time.Instant;
import org.clw.ledger.events.referral.CompletionMode;
import org.clw.ledger.events.referral.OutcomeInstrument;
import org.clw.ledger.events.referral.OutcomeTimepoint;

/** A completed wellbeing scale: its total score, not the item answers. */
public record OutcomeMeasureView(OutcomeInstrument instrument, OutcomeTimepoint timepoint, int score,
                                 CompletionMode mode, Instant recordedAt) {
}
