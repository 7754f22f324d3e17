package org.clw.ledger.query.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Callers;
import org.clw.ledger.api.security.NotVisible;
import org.clw.ledger.api.security.OutOfScope;
import org.clw.ledger.api.security.Role;
import org.clw.ledger.api.security.ScopedPaths;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.referral.ReferralId;
import org.clw.ledger.query.projection.Collections;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Which reads a links worker or service manager may make, decided against the read models: a case (its summary,
 * as-of views, history) only when it is allocated to the worker or at a setting the manager manages, otherwise 404 as
 * if it did not exist; a participant through one of their cases, or by whoever registered them until one of their
 * cases is allocated; a caseload only the worker's own or, for a manager, a worker in their settings. Lists are narrowed
 * with {@link #caseCriteria}, the timeline's caseloads with {@link #visibleWorkers}.
 */
@Component
public class QueryScope extends ScopedPaths {

    private final MongoOperations mongo;

    QueryScope(Callers callers, MongoOperations mongo) {
        super(callers);
        this.mongo = mongo;
    }

    /** Reads are the query side's; commands belong to the command side. */
    @Override
    protected boolean serves(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod());
    }

    @Override
    protected void checkCase(Caller caller, String referralId) {
        Document scope = scopeOf(new ReferralId(referralId).value());
        if (scope == null || !caller.mayUseCase(scope.getString("settingId"), scope.getString("workerId"))) {
            throw new NotVisible(referralId);
        }
    }

    /**
     * A participant is visible through one of their cases, and until one of those is allocated to a links worker, to
     * whoever registered them.
     */
    @Override
    protected void checkParticipant(Caller caller, String participantId) {
        Document participant = mongo.findById(new ParticipantId(participantId).value(), Document.class,
                Collections.PARTICIPANTS);
        List<?> referrals = participant == null ? List.of()
                : participant.getList("referralIds", Object.class, List.of());
        Query cases = Query.query(Criteria.where("_id").in(referrals));
        cases.fields().include("state.settingId", "state.workerId");
        List<Document> scopes = referrals.isEmpty() ? List.of()
                : mongo.find(cases, Document.class, Collections.CASES).stream().map(QueryScope::stateOf).toList();
        boolean visible = scopes.stream()
                .anyMatch(scope -> caller.mayUseCase(scope.getString("settingId"), scope.getString("workerId")))
                // A case not yet in the cases read model counts as allocated: no sight on a guess.
                || scopes.size() == referrals.size() && scopes.stream().allMatch(scope -> scope.get("workerId") == null)
                && caller.mayUseUnallocated(participant == null ? null : participant.getString("registeredBy"));
        if (!visible) {
            throw new NotVisible(participantId);
        }
    }

    @Override
    protected void checkWorker(Caller caller, String workerId) {
        String id = new LinksWorkerId(workerId).value();
        boolean allowed = caller.role() == Role.LINKS_WORKER ? id.equals(caller.workerId())
                : settingsOf(id).stream().anyMatch(caller::manages);
        if (!allowed) {
            throw new OutOfScope("Links worker " + workerId + " is not in your part of the programme");
        }
    }

    /** What a list of cases is narrowed to for the current caller; null when they may see every case. */
    public Criteria caseCriteria() {
        Caller caller = caller();
        return switch (caller.role()) {
            case LINKS_WORKER -> Criteria.where("state.workerId").is(caller.workerId());
            case SERVICE_MANAGER -> Criteria.where("state.settingId").in(caller.managedSettings());
            default -> null;
        };
    }

    /** What a list of caseloads is narrowed to for the current caller; null when they may see every worker's. */
    public Criteria caseloadCriteria() {
        return caseloadCriteria(caller());
    }

    /** What a list of caseloads is narrowed to for this caller (a live view's, resolved when it was opened). */
    public static Criteria caseloadCriteria(Caller caller) {
        return switch (caller.role()) {
            case LINKS_WORKER -> Criteria.where("_id").is(caller.workerId());
            case SERVICE_MANAGER -> Criteria.where("settings").in(caller.managedSettings());
            default -> null;
        };
    }

    /**
     * The links workers whose caseloads the caller may see in programme-wide views such as the timeline: a links
     * worker their own, a manager those who work in their settings, auditors and admins every worker (null: no
     * narrowing), evaluators none (they see the programme's totals, not its staff).
     */
    public Set<String> visibleWorkers() {
        Caller caller = caller();
        return switch (caller.role()) {
            case ADMIN, AUDITOR -> null;
            case EVALUATOR -> Set.of();
            case LINKS_WORKER -> caller.workerId() == null ? Set.of() : Set.of(caller.workerId());
            case SERVICE_MANAGER -> {
                Query workers = Query.query(caseloadCriteria());
                workers.fields().include("_id");
                yield mongo.find(workers, Document.class, Collections.CASELOADS).stream()
                        .map(worker -> worker.get("_id").toString()).collect(Collectors.toUnmodifiableSet());
            }
        };
    }

    /** A case's setting and worker, from its stored state in the {@code cases} read model; null for no case. */
    private Document scopeOf(String referralId) {
        Query query = Query.query(Criteria.where("_id").is(referralId));
        query.fields().include("state.settingId", "state.workerId");
        Document found = mongo.findOne(query, Document.class, Collections.CASES);
        return found == null ? null : stateOf(found);
    }

    private static Document stateOf(Document stored) {
        return stored.get("state", new Document());
    }

    private Collection<String> settingsOf(String workerId) {
        Document caseload = mongo.findById(workerId, Document.class, Collections.CASELOADS);
        return caseload == null ? List.of() : caseload.getList("settings", String.class, List.of());
    }
}
