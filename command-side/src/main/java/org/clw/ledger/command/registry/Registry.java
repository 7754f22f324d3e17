package org.clw.ledger.command.registry;

import java.util.List;
import java.util.Optional;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.setting.SettingId;

/**
 * What one aggregate may know of the others when it decides: the rules that span aggregates (setting active, worker
 * active and covering the setting, participant known and not erased, worker's open caseload) are checked against it,
 * and so is the part of the programme a links worker or manager may touch.
 */
public interface Registry {

    Standing setting(SettingId settingId);

    Standing participant(ParticipantId participantId);

    Optional<WorkerStanding> worker(LinksWorkerId workerId);

    /** Who registered the participant (their registration's actor); empty when unknown or not recorded. */
    Optional<String> registrant(ParticipantId participantId);

    /** Where a case belongs; empty for an unknown case. */
    Optional<CaseScope> caseScope(ReferralId referralId);

    /** Where each of a participant's cases belongs. */
    List<CaseScope> casesOf(ParticipantId participantId);

    /** Whose case it is, so that free text about them is sealed under their key; empty for an unknown case. */
    Optional<ParticipantId> participantOf(ReferralId referralId);

    /** Whether something the registry tracks exists, and whether it can still be used. */
    enum Standing {
        UNKNOWN,
        ACTIVE,
        /** A closed setting, an erased participant. */
        RETIRED
    }
}
