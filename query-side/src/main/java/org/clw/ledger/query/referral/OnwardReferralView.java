package org.clw.ledger.query.referral;

import java.time.Instant;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.referral.OnwardReferralOutcome;

/**
 * An onward referral and, once known, whether the person took it up, as the {@code cases} read model stores it.
 *
 * @param organisation the organisation as its event holds it: sealed under the participant's key ({@link
 *                     org.clw.ledger.events.participant.SealedText#value()}), or in clear from an earlier release
 */
public record OnwardReferralView(String onwardReferralId, String organisation, Need need, OnwardReferralKind kind,
                                 Instant madeAt, OnwardReferralOutcome outcome, Instant outcomeAt) {
}
