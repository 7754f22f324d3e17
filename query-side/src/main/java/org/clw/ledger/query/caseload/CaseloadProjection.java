package org.clw.ledger.query.caseload;

import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.clw.ledger.events.linksworker.LinksWorkerCapacityChanged;
import org.clw.ledger.events.linksworker.LinksWorkerDeactivated;
import org.clw.ledger.events.linksworker.LinksWorkerId;
import org.clw.ledger.events.linksworker.LinksWorkerRegistered;
import org.clw.ledger.events.linksworker.LinksWorkerSettingsChanged;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.clw.ledger.query.projection.Staged;
import org.clw.ledger.query.referral.CaseChange;
import org.clw.ledger.query.referral.CaseState;
import org.clw.ledger.query.referral.CaseView;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code caseloads} read model: per links worker, their open cases against their capacity. Worker events come
 * to it directly, in the {@code cases} processing group; cases come as changes from the one fold.
 */
@Component
@ProcessingGroup("cases")
class CaseloadProjection implements CaseView {

    static final String COLLECTION = WorkerCaseload.COLLECTION;

    private final MongoOperations mongo;

    CaseloadProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(LinksWorkerRegistered event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        changeWorker(batch, event.workerId(), sequence, token, worker -> {
            worker.name = event.name();
            worker.capacity = event.capacity();
            worker.active = true;
            worker.coverSettings(event.settings());
        });
    }

    @EventHandler
    void on(LinksWorkerSettingsChanged event, @SequenceNumber long sequence, TrackingToken token,
            ProjectionBatch batch) {
        changeWorker(batch, event.workerId(), sequence, token, worker -> worker.coverSettings(event.settings()));
    }

    @EventHandler
    void on(LinksWorkerCapacityChanged event, @SequenceNumber long sequence, TrackingToken token,
            ProjectionBatch batch) {
        changeWorker(batch, event.workerId(), sequence, token, worker -> worker.capacity = event.capacity());
    }

    @EventHandler
    void on(LinksWorkerDeactivated event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        changeWorker(batch, event.workerId(), sequence, token, worker -> worker.active = false);
    }

    /** A case sits in its worker's caseload while it is open; it moves when it is reallocated. */
    @Override
    public void apply(CaseChange change, Staged writes) {
        String before = holder(change.before());
        String after = holder(change.after());
        String referralId = change.referralId();
        if (before != null && !before.equals(after)) {
            writes.update(COLLECTION, before, WorkerCaseload.class, () -> WorkerCaseload.of(before),
                    worker -> worker.cases.remove(referralId) != null && moved(worker, change.position()));
        }
        if (after != null) {
            CaseloadEntry entry = CaseloadEntry.of(change.after());
            writes.update(COLLECTION, after, WorkerCaseload.class, () -> WorkerCaseload.of(after),
                    worker -> !Objects.equals(worker.cases.put(referralId, entry), entry)
                            && moved(worker, change.position()));
        }
    }

    @Override
    public void reset() {
        mongo.dropCollection(COLLECTION);
    }

    private static boolean moved(WorkerCaseload worker, long position) {
        worker.position = Math.max(worker.position, position);
        return true;
    }

    /** The worker whose caseload holds the case, or null when the case is in nobody's. */
    private static String holder(CaseState state) {
        return state.exists() && state.status().isOpen() ? state.workerId() : null;
    }

    private static void changeWorker(ProjectionBatch batch, LinksWorkerId workerId, long sequence,
            TrackingToken token, Consumer<WorkerCaseload> change) {
        Staged writes = batch.stage();
        writes.update(COLLECTION, workerId.value(), WorkerCaseload.class, () -> WorkerCaseload.of(workerId.value()),
                worker -> {
                    if (sequence <= worker.workerVersion) {
                        return false;
                    }
                    change.accept(worker);
                    worker.workerVersion = sequence;
                    worker.position = Positions.of(token);
                    return true;
                });
        batch.commit(writes);
    }
}
