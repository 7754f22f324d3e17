package org.clw.ledger.command.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.setting.SettingId;

/** A registry the aggregate tests arrange by hand. */
public class FakeRegistry implements Registry {

    private final Map<SettingId, Standing> settings = new HashMap<>();
    private final Map<ParticipantId, Standing> participants = new HashMap<>();
    private final Map<LinksWorkerId, WorkerStanding> workers = new HashMap<>();

    public FakeRegistry setting(SettingId settingId, Standing standing) {
        settings.put(settingId, standing);
        return this;
    }

    public FakeRegistry participant(ParticipantId participantId, Standing standing) {
        participants.put(participantId, standing);
        return this;
    }

    public FakeRegistry worker(LinksWorkerId workerId, boolean active, Set<SettingId> covered, int capacity,
            int openCases) {
        workers.put(workerId, new WorkerStanding(active, covered, capacity, openCases));
        return this;
    }

    @Override
    public Standing setting(SettingId settingId) {
        return settings.getOrDefault(settingId, Standing.UNKNOWN);
    }

    @Override
    public Standing participant(ParticipantId participantId) {
        return participants.getOrDefault(participantId, Standing.UNKNOWN);
    }

    @Override
    public Optional<WorkerStanding> worker(LinksWorkerId workerId) {
        return Optional.ofNullable(workers.get(workerId));
    }

    /** The aggregate tests decide no access; registrants and cases are unknown here. */
    @Override
    public Optional<String> registrant(ParticipantId participantId) {
        return Optional.empty();
    }

    @Override
    public Optional<CaseScope> caseScope(ReferralId referralId) {
        return Optional.empty();
    }

    @Override
    public List<CaseScope> casesOf(ParticipantId participantId) {
        return List.of();
    }

    @Override
    public Optional<ParticipantId> participantOf(ReferralId referralId) {
        return Optional.empty();
    }
}
