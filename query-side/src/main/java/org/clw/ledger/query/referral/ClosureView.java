package org.clw.ledger.query.referral;

import java.time.Instant;
import org.clw.ledger.events.referral.ClosureReason;

/** One closure of a case (a reopened case can close again), with the attended appointments at that moment. */
public record ClosureView(Instant closedAt, ClosureReason reason, int attendedAtClosure) {
}
