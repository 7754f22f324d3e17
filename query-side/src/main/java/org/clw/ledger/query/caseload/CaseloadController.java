package org.clw.ledger.query.caseload;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.query.referral.CaseStatus;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Role;
import org.clw.ledger.query.access.QueryScope;
import org.clw.ledger.query.web.PageOf;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Links workers' caseloads against their capacity. */
@RestController
@RequestMapping("/api/links-workers")
class CaseloadController {

    private final MongoOperations mongo;
    private final Clock clock;
    private final QueryScope scope;

    CaseloadController(MongoOperations mongo, Clock clock, QueryScope scope) {
        this.mongo = mongo;
        this.clock = clock;
        this.scope = scope;
    }

    record WorkerSummary(String workerId, String name, boolean active, List<String> settings, int capacity,
                         int openCases, int availablePlaces, boolean overCapacity) {

        /** A deactivated worker takes no new cases, so has no places, whatever their capacity. */
        static WorkerSummary of(WorkerCaseload caseload) {
            int open = caseload.cases.size();
            int places = caseload.active ? Math.max(0, caseload.capacity - open) : 0;
            return new WorkerSummary(caseload.workerId, caseload.name, caseload.active, caseload.settings,
                    caseload.capacity, open, places, open > caseload.capacity);
        }
    }

    record CaseloadCase(String referralId, String participantId, String settingId, CaseStatus status,
                        Instant receivedAt, Instant allocatedAt, Instant nextAppointment) {
    }

    record Caseload(WorkerSummary worker, List<CaseloadCase> cases) {
    }

    /** Every worker the caller may see (a links worker themself, a manager those in their settings), by name. */
    @GetMapping
    PageOf<WorkerSummary> workers(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        Criteria visible = scope.caseloadCriteria();
        Query query = (visible == null ? new Query() : Query.query(visible)).with(Sort.by("name", "_id"));
        long total = mongo.count(visible == null ? new Query() : Query.query(visible), CaseloadProjection.COLLECTION);
        query.skip(PageOf.offset(page, size)).limit(size);
        return PageOf.of(mongo.find(query, WorkerCaseload.class, CaseloadProjection.COLLECTION).stream()
                .map(WorkerSummary::of).toList(), page, size, total);
    }

    /**
     * A worker's open cases, those with the soonest next appointment first, then those without one. A manager sees
     * only the cases at the settings they manage; the counts against capacity stay whole.
     */
    @GetMapping("/{workerId}/caseload")
    Caseload caseload(@PathVariable LinksWorkerId workerId) {
        WorkerCaseload caseload = mongo.findById(workerId.value(), WorkerCaseload.class,
                CaseloadProjection.COLLECTION);
        if (caseload == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No links worker " + workerId);
        }
        Instant now = clock.instant();
        Caller caller = scope.caller();
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
