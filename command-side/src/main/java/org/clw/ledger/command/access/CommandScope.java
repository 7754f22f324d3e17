package org.clw.ledger.command.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Callers;
import org.clw.ledger.api.security.NotVisible;
import org.clw.ledger.api.security.OutOfScope;
import org.clw.ledger.api.security.Role;
import org.clw.ledger.api.security.ScopedPaths;
import org.clw.ledger.command.registry.CaseScope;
import org.clw.ledger.command.registry.Registry;
import org.clw.ledger.command.registry.WorkerStanding;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.events.setting.SettingId;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Which commands a links worker or service manager may send, decided against the registry, which is current with
 * the event store: a case only when it is allocated to the worker or at a setting the manager manages (otherwise 404,
 * as if it did not exist); a person only when the caller may see them ({@link #maySee}); registry entries only of the
 * settings a manager manages, and a worker only when the manager manages every setting they serve (otherwise 403).
 */
@Component
public class CommandScope extends ScopedPaths {

    private final Registry registry;

    CommandScope(Callers callers, Registry registry) {
        super(callers);
        this.registry = registry;
    }

    /** Commands are the API's writes; reads belong to the query side. */
    @Override
    protected boolean serves(HttpServletRequest request) {
        return !HttpMethod.GET.matches(request.getMethod());
    }

    @Override
    protected void checkCase(Caller caller, String referralId) {
        Optional<CaseScope> scope = registry.caseScope(new ReferralId(referralId));
        if (scope.isEmpty() || !mayUse(caller, scope.get())) {
            throw new NotVisible(referralId);
        }
    }

    @Override
    protected void checkParticipant(Caller caller, String participantId) {
        if (!maySee(caller, new ParticipantId(participantId))) {
            throw new NotVisible(participantId);
        }
    }

    /**
     * A change to a worker changes them in every setting they serve, so a manager must manage all of those (and, for
     * a change of settings, every new one too: {@link #checkManages}).
     */
    @Override
    protected void checkWorker(Caller caller, String workerId) {
        registry.worker(new LinksWorkerId(workerId)).map(WorkerStanding::settings).ifPresent(settings -> {
            if (!settings.stream().allMatch(setting -> caller.manages(setting.value()))) {
                throw new OutOfScope("Links worker " + workerId + " works in settings you do not manage");
            }
        });
    }

    /**
     * Whether the caller may see the participant: whoever may use one of their cases, and until one of those is
     * allocated to a links worker, whoever registered them (auditors and admins always). Nobody scoped sees an unknown
     * participant.
     */
    public boolean maySee(ParticipantId participantId) {
        return maySee(caller(), participantId);
    }

    /** Whether a participant by this id exists whom the caller may not see. */
    public boolean existsUnseen(ParticipantId participantId) {
        return registry.participant(participantId) != Registry.Standing.UNKNOWN && !maySee(participantId);
    }

    private boolean maySee(Caller caller, ParticipantId participantId) {
        List<CaseScope> cases = registry.casesOf(participantId);
        return cases.stream().anyMatch(scope -> mayUse(caller, scope))
                || cases.stream().allMatch(scope -> scope.workerId() == null)
                && caller.mayUseUnallocated(registry.registrant(participantId).orElse(null));
    }

    /** A new referral: a manager's at a setting they manage, a links worker's at a setting they cover. */
    public void checkNewReferralAt(SettingId settingId) {
        Caller caller = caller();
        boolean allowed = switch (caller.role()) {
            case LINKS_WORKER -> caller.workerId() != null && registry.worker(new LinksWorkerId(caller.workerId()))
                    .map(worker -> worker.covers(settingId)).orElse(false);
            case SERVICE_MANAGER -> caller.manages(settingId.value());
            default -> caller.role() == Role.ADMIN;
        };
        if (!allowed) {
            throw new OutOfScope("Setting " + settingId + " is not one you work in");
        }
    }

    /** Registry entries for these settings: every one of them must be the caller's to manage. */
    public void checkManages(Collection<SettingId> settings) {
        Caller caller = caller();
        settings.stream().filter(setting -> !caller.manages(setting.value())).findFirst().ifPresent(setting -> {
            throw new OutOfScope("Setting " + setting + " is not one you manage");
        });
    }

    private static boolean mayUse(Caller caller, CaseScope scope) {
        return caller.mayUseCase(scope.settingId().value(),
                scope.workerId() == null ? null : scope.workerId().value());
    }
}
