package org.clw.ledger.query.caseload;

import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.clw.ledger.query.live.Changed;
import org.clw.ledger.query.projection.CommittedBatches;
import org.springframework.stereotype.Component;

/** Tells the live caseload views which workers' caseloads a committed batch changed. */
@Component
class CaseloadUpdates implements CommittedBatches {

    private final QueryUpdateEmitter emitter;

    CaseloadUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void committed(Map<String, Set<String>> written) {
        Set<String> workers = written.getOrDefault(WorkerCaseload.COLLECTION, Set.of());
        if (workers.isEmpty()) {
            return;
        }
        Changed changed = new Changed(workers);
        emitter.emit(CaseloadQuery.class, query -> workers.contains(query.workerId()), changed);
        emitter.emit(WorkersQuery.class, query -> query.affectedBy(workers), changed);
    }
}
