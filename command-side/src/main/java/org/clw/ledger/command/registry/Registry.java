package org.clw.ledger.command.registry;

import java.util.Optional;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.setting.SettingId;

/**
 * What one aggregate may know of the others when it decides: the rules that span aggregates (setting active, worker
 * active and covering the setting, participant known and not erased, worker's open caseload) are checked against it.
 */
public interface Registry {

    Standing setting(SettingId settingId);

    Standing participant(ParticipantId participantId);

    Optional<WorkerStanding> worker(LinksWorkerId workerId);

    /** Whether something the registry tracks exists, and whether it can still be used. */
    enum Standing {
        UNKNOWN,
        ACTIVE,
        /** A closed setting, an erased participant. */
        RETIRED
    }
}
