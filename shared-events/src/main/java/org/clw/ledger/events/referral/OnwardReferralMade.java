package org.clw.ledger.events.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.participant.SealedText;

/**
 * The person was signposted, referred or accompanied to a community organisation. Revision 2 seals the organisation
 * under the participant's key, since where someone was sent can say much about them (revision 1 held it in clear:
 * {@link SealedFreeTextUpcaster}).
 */
@Revision("2")
public record OnwardReferralMade(
        ReferralId referralId,
        OnwardReferralId onwardReferralId,
        SealedText organisation,
        Need need,
        OnwardReferralKind kind,
        Instant occurredAt)
        implements CaseEvent {
}
