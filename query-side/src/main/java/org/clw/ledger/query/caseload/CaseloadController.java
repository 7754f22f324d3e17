package org.clw.ledger.query.caseload;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.query.access.QueryScope;
import org.clw.ledger.query.live.LiveViews;
import org.clw.ledger.query.referral.CaseStatus;
import org.clw.ledger.query.web.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Links workers' caseloads against their capacity, read once or followed live. */
@RestController
@RequestMapping("/api/links-workers")
class CaseloadController {

    private final CaseloadQueries queries;
    private final QueryScope scope;
    private final LiveViews live;

    CaseloadController(CaseloadQueries queries, QueryScope scope, LiveViews live) {
        this.queries = queries;
        this.scope = scope;
        this.live = live;
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
        return queries.workers(new WorkersQuery(scope.caller(), page, size));
    }

    /** The same page as server-sent events: the first answer, then a new one whenever it changes. */
    @GetMapping("/live")
    SseEmitter liveWorkers(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        Caller caller = scope.caller();
        return live.follow(caller, new WorkersQuery(caller, page, size), ResponseTypes.instanceOf(PageOf.class),
                "No links workers");
    }

    /**
     * A worker's open cases, those with the soonest next appointment first, then those without one. A manager sees
     * only the cases at the settings they manage; the counts against capacity stay whole.
     */
    @GetMapping("/{workerId}/caseload")
    Caseload caseload(@PathVariable LinksWorkerId workerId) {
        Caseload caseload = queries.caseload(new CaseloadQuery(scope.caller(), workerId.value()));
        if (caseload == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No links worker " + workerId);
        }
        return caseload;
    }

    /** The same caseload as server-sent events: the first answer, then a new one whenever it changes. */
    @GetMapping("/{workerId}/caseload/live")
    SseEmitter liveCaseload(@PathVariable LinksWorkerId workerId) {
        Caller caller = scope.caller();
        return live.follow(caller, new CaseloadQuery(caller, workerId.value()), Caseload.class,
                "No links worker " + workerId);
    }
}
