package org.clw.ledger.events.referral;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.Reasoned;

/**
 * Whether the person took up an onward referral. Revision 2 added {@code correctionReason}: present when the change
 * replaced an outcome recorded before as a correction (required once the case is closed), absent otherwise, so an
 * outcome without one is written, read and hashed exactly as revision 1 was.
 */
@Revision("2")
public record OnwardReferralOutcomeRecorded(
        ReferralId referralId,
        OnwardReferralId onwardReferralId,
        OnwardReferralOutcome outcome,
        @JsonInclude(JsonInclude.Include.NON_NULL) OutcomeCorrectionReason correctionReason,
        Instant occurredAt)
        implements CaseEvent, Reasoned {

    /** An outcome recorded for the first time, or updated while the case is open, not as a correction. */
    public OnwardReferralOutcomeRecorded(ReferralId referralId, OnwardReferralId onwardReferralId,
            OnwardReferralOutcome outcome, Instant occurredAt) {
        this(referralId, onwardReferralId, outcome, null, occurredAt);
    }

    /** A correction's reason; none for an outcome recorded the first time. */
    @Override
    @JsonIgnore
    public OutcomeCorrectionReason reason() {
        return correctionReason;
    }
}
