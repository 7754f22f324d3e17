package org.clw.ledger.events.referral;

import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.SortedSets;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.setting.SettingId;

/** A referral arrived: the case begins. {@code occurredAt} is when it was received. */
@Revision("1")
public record ReferralReceived(
        ReferralId referralId,
        ParticipantId participantId,
        SettingId settingId,
        Set<Need> needs,
        Need primaryNeed,
        ReferralRoute route,
        boolean consentRecorded,
        Instant occurredAt)
        implements CaseEvent {

    public ReferralReceived {
        needs = SortedSets.copyOf(needs);
    }
}
