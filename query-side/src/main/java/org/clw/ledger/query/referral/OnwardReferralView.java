package org.clw.ledger.query.referral;

import java.time.Instant;
import org.clw.ledger.events.referral.Need;
import org.clw.ledger.events.referral.OnwardReferralKind;
import org.clw.ledger.events.referral.OnwardReferralOutcome;

/** An onward referral and, once known, whether the person took it up. */
public record OnwardReferralView(String onwardReferralId, String organisation, Need need, OnwardReferralKind kind,
                                 Instant madeAt, OnwardReferralOutcome outcome, Instant outcomeAt) {
}
