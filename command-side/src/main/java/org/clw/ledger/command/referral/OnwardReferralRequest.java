package org.clw.ledger.command.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.linking.OnwardReferralKind;
import org.clw.ledger.events.referral.OnwardReferralId;

/**
 * Exactly one of {@code serviceId} (a service of the community directory) and {@code organisation} (free text for
 * something not in the directory, sealed under the person's key before any command carries it).
 *
 * @param onwardReferralId optional: the server chooses one when absent
 */
record OnwardReferralRequest(
        OnwardReferralId onwardReferralId,
        ServiceId serviceId,
        @Size(max = 200) String organisation,
        @NotNull Need need,
        @NotNull OnwardReferralKind kind) {
}
