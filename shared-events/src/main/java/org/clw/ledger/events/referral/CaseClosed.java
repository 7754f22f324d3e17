package org.clw.ledger.events.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.Reasoned;
import org.clw.ledger.events.participant.SealedText;

/**
 * The case ended. Future appointments were cancelled by events before this one. Revision 2 seals the summary under
 * the participant's key (revision 1 held it in clear: {@link SealedFreeTextUpcaster}).
 *
 * @param summary free text, sealed; null when none was given
 */
@Revision("2")
public record CaseClosed(
        ReferralId referralId,
        ClosureReason reason,
        SealedText summary,
        Instant occurredAt)
        implements CaseEvent, Reasoned {
}
