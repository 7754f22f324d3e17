package org.clw.ledger.query.caseload;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Role;
import org.clw.ledger.query.access.QueryScope;
import org.clw.ledger.query.caseload.CaseloadController.Caseload;
import org.clw.ledger.query.caseload.CaseloadController.CaseloadCase;
import org.clw.ledger.query.caseload.CaseloadController.WorkerSummary;
import org.clw.ledger.query.web.PageOf;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The caseload reads, for a given caller: answered directly for the REST reads and through Axon's query bus for the
 * live views, so both answer alike. Which worker a scoped caller may name is checked before (on the path, by
 * {@link QueryScope}).
 */
@Component
class CaseloadQueries {

    private final MongoOperations mongo;
    private final Clock clock;

    CaseloadQueries(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The page of workers for Axon's query bus, which matches a generic answer only by its raw type. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    PageOf answer(WorkersQuery query) {
        return workers(query);
    }

    /** Every worker the caller may see (a links worker themself, a manager those in their settings), by name. */
    PageOf<WorkerSummary> workers(WorkersQuery query) {
        Criteria visible = QueryScope.caseloadCriteria(query.caller());
        Query find = (visible == null ? new Query() : Query.query(visible)).with(Sort.by("name", "_id"));
        long total = mongo.count(visible == null ? new Query() : Query.query(visible), CaseloadProjection.COLLECTION);
        find.skip(PageOf.offset(query.page(), query.size())).limit(query.size());
        return PageOf.of(mongo.find(find, WorkerCaseload.class, CaseloadProjection.COLLECTION).stream()
                .map(WorkerSummary::of).toList(), query.page(), query.size(), total);
    }

    /**
     * A worker's open cases, those with the soonest next appointment first, then those without one; null for no such
     * worker. A manager sees only the cases at the settings they manage; the counts against capacity stay whole.
     */
    @QueryHandler
    Caseload caseload(CaseloadQuery query) {
        WorkerCaseload caseload = mongo.findById(query.workerId(), WorkerCaseload.class,
                CaseloadProjection.COLLECTION);
        if (caseload == null) {
            return null;
        }
        Instant now = clock.instant();
        Caller caller = query.caller();
        List<CaseloadCase> cases = caseload.cases.values().stream()
                .filter(entry -> caller.role() != Role.SERVICE_MANAGER || caller.manages(entry.settingId()))
                .map(entry -> new CaseloadCase(entry.referralId(), entry.participantId(), entry.settingId(),
                        entry.status(), entry.receivedAt(), entry.allocatedAt(), entry.nextAppointment(now)))
                .sorted(Comparator.comparing(CaseloadCase::nextAppointment,
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(CaseloadCase::referralId))
                .toList();
        return new Caseload(WorkerSummary.of(caseload), cases);
    }
}
