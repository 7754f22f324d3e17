package org.clw.ledger.query.referral;

import java.time.Instant;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.referral.OnwardReferralOutcome;

/**
 * An onward referral and, once known, whether the person took it up, as the {@code cases} read model stores it.
 *
 * @param organisation the organisation as its event holds it: sealed under the participant's key ({@link
 *                     org.clw.ledger.events.participant.SealedText#value()}), or in clear from an earlier release;
 *                     null for a directory service
 * @param serviceId            the community directory's service referred to; null outside the directory
 * @param serviceOrganisationId the organisation offering that service; null outside the directory
 */
public record OnwardReferralView(String onwardReferralId, String organisation, Need need, OnwardReferralKind kind,
                                 Instant madeAt, OnwardReferralOutcome outcome, Instant outcomeAt, String serviceId,
                                 String serviceOrganisationId) {

    /** Whether it names a service of the community directory rather than free text. */
    public boolean inDirectory() {
        return serviceId != null;
    }
}
