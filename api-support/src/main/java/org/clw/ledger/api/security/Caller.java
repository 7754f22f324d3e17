package org.clw.ledger.api.security;

import java.util.Set;

/**
 * Who is asking, and the part of the programme they may see: a links worker their own cases, a service manager the
 * settings they manage, auditors and admins everything, evaluators no case at all.
 *
 * @param workerId        the links worker this user is, for {@link Role#LINKS_WORKER}
 * @param managedSettings the settings this user manages, for {@link Role#SERVICE_MANAGER}
 */
public record Caller(String username, Role role, String workerId, Set<String> managedSettings) {

    public Caller {
        managedSettings = managedSettings == null ? Set.of() : Set.copyOf(managedSettings);
    }

    /** Whether this caller may see, and act on, a case at a setting allocated (or not, when null) to a worker. */
    public boolean mayUseCase(String settingId, String allocatedWorkerId) {
        return switch (role) {
            case ADMIN, AUDITOR -> true;
            case SERVICE_MANAGER -> managedSettings.contains(settingId);
            case LINKS_WORKER -> workerId != null && workerId.equals(allocatedWorkerId);
            case EVALUATOR -> false;
        };
    }

    /**
     * Whether this caller may see, and act on, a person none of whose cases is allocated to a links worker yet (or who
     * has none), registered by {@code registrant} (null when not recorded): whoever registered them, besides auditors
     * and admins. Anyone else sees a person only through a case of theirs ({@link #mayUseCase}); naming a person in a
     * command never opens them to the caller.
     */
    public boolean mayUseUnallocated(String registrant) {
        return switch (role) {
            case ADMIN, AUDITOR -> true;
            case SERVICE_MANAGER, LINKS_WORKER -> username.equals(registrant);
            case EVALUATOR -> false;
        };
    }

    /** Whether this caller keeps the registry entries of a setting. */
    public boolean manages(String settingId) {
        return role == Role.ADMIN || role == Role.SERVICE_MANAGER && managedSettings.contains(settingId);
    }

    /** Whether this caller is limited to part of the programme, so reads and commands must be checked case by case. */
    public boolean isScoped() {
        return role == Role.SERVICE_MANAGER || role == Role.LINKS_WORKER;
    }
}
