package org.clw.ledger.query.caseload;

import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.clw.ledger.events.linksworker.LinksWorkerCapacityChanged;
import org.clw.ledger.events.linksworker.LinksWorkerDeactivated;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.linksworker.LinksWorkerRegistered;
import org.clw.ledger.events.linksworker.LinksWorkerSettingsChanged;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.clw.ledger.query.referral.CaseChanges;
import org.clw.ledger.query.referral.CaseSummary;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/** The {@code caseloads} read model: per links worker, their open cases against their capacity. */
@Component
@ProcessingGroup(CaseloadProjection.GROUP)
class CaseloadProjection {

    static final String GROUP = "caseloads";
    static final String COLLECTION = WorkerCaseload.COLLECTION;
    static final String CASE_STATE = "caseloads_case_state";

    private final MongoOperations mongo;

    CaseloadProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(LinksWorkerRegistered event, @SequenceNumber long sequence, TrackingToken token) {
        changeWorker(event.workerId(), sequence, token, worker -> {
            worker.name = event.name();
            worker.capacity = event.capacity();
            worker.active = true;
            worker.coverSettings(event.settings());
        });
    }

    @EventHandler
    void on(LinksWorkerSettingsChanged event, @SequenceNumber long sequence, TrackingToken token) {
        changeWorker(event.workerId(), sequence, token, worker -> worker.coverSettings(event.settings()));
    }

    @EventHandler
    void on(LinksWorkerCapacityChanged event, @SequenceNumber long sequence, TrackingToken token) {
        changeWorker(event.workerId(), sequence, token, worker -> worker.capacity = event.capacity());
    }

    @EventHandler
    void on(LinksWorkerDeactivated event, @SequenceNumber long sequence, TrackingToken token) {
        changeWorker(event.workerId(), sequence, token, worker -> worker.active = false);
    }

    /** A case sits in its worker's caseload while it is open; it moves when it is reallocated. */
    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, TrackingToken token) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        long position = Positions.of(token);
        CaseChanges.apply(batch, CASE_STATE, event, sequence, position).ifPresent(change -> {
            String before = holder(change.before());
            String after = holder(change.after());
            CaseloadEntry entry = after != null ? CaseloadEntry.of(change.after()) : null;
            if (before != null && !before.equals(after)) {
                changeCases(batch, before, position, worker -> worker.cases.remove(change.referralId()));
            }
            if (after != null && !Objects.equals(entry, caseloadOf(batch, after).cases.get(change.referralId()))) {
                changeCases(batch, after, position, worker -> worker.cases.put(change.referralId(), entry));
            }
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
        mongo.dropCollection(CASE_STATE);
    }

    /** The worker whose caseload holds the case, or null when the case is in nobody's. */
    private static String holder(CaseSummary summary) {
        return summary.exists() && summary.status().isOpen() ? summary.workerId() : null;
    }

    private void changeWorker(LinksWorkerId workerId, long sequence, TrackingToken token,
            Consumer<WorkerCaseload> change) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        WorkerCaseload worker = caseloadOf(batch, workerId.value());
        if (sequence > worker.workerVersion) {
            change.accept(worker);
            worker.workerVersion = sequence;
            worker.position = Positions.of(token);
            batch.save(COLLECTION, worker.workerId, worker);
        }
    }

    private void changeCases(ProjectionBatch batch, String workerId, long position,
            Consumer<WorkerCaseload> change) {
        WorkerCaseload worker = caseloadOf(batch, workerId);
        change.accept(worker);
        worker.position = Math.max(worker.position, position);
        batch.save(COLLECTION, workerId, worker);
    }

    private static WorkerCaseload caseloadOf(ProjectionBatch batch, String workerId) {
        return batch.find(COLLECTION, workerId, WorkerCaseload.class).orElseGet(() -> WorkerCaseload.of(workerId));
    }
}
