package org.clw.ledger.query.referral;

import java.time.Instant;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.referral.OnwardReferralOutcome;

/**
 * An onward referral as the API shows it: the organisation opened for this read while the participant's key exists.
 *
 * @param organisation          the organisation, in clear; null when withheld
 * @param organisationWithheld  the participant has been erased, so the organisation can no longer be shown
 * @param serviceId             the directory service referred to; null outside the directory
 * @param serviceName           its name as the directory has it now; null outside the directory or if unknown
 * @param serviceOrganisationId the organisation offering that service; null outside the directory
 * @param serviceOrganisationName its name as the directory has it now; null outside the directory or if unknown
 */
record OnwardReferralBody(String onwardReferralId, String organisation, boolean organisationWithheld, Need need,
                          OnwardReferralKind kind, Instant madeAt, OnwardReferralOutcome outcome, Instant outcomeAt,
                          String serviceId, String serviceName, String serviceOrganisationId,
                          String serviceOrganisationName) {
}
