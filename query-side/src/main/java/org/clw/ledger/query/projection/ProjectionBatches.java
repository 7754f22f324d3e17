package org.clw.ledger.query.projection;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Opens a {@link ProjectionBatch} when a processor's unit of work handles its first event (completing first an
 * interrupted flush of the group), hands it to the handlers as a parameter, and writes it once the last event is
 * handled. Not on prepare-commit: the pooled processor stores its token in a prepare-commit listener registered
 * before any handler runs, and the documents must be written first. Once the unit of work has committed, the
 * {@link CommittedBatches} are told which documents were written. In the group with {@link WriteBehind}, a batch far
 * behind the head is carried into the next instead of written.
 */
class ProjectionBatches implements MessageHandlerInterceptor<EventMessage<?>> {

    static final String RESOURCE = ProjectionBatch.class.getName();
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionBatches.class);

    private final MongoOperations mongo;
    private final String group;
    private final ObjectProvider<CommittedBatches> listeners;
    /** Null in the groups without write-behind. */
    private final WriteBehind writeBehind;
    /** Whether this instance processes the group's whole stream in one segment. */
    private final BooleanSupplier wholeStream;

    ProjectionBatches(MongoOperations mongo, String group, ObjectProvider<CommittedBatches> listeners,
            WriteBehind writeBehind, BooleanSupplier wholeStream) {
        this.mongo = mongo;
        this.group = group;
        this.listeners = listeners;
        this.writeBehind = writeBehind;
        this.wholeStream = wholeStream;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        ProjectionBatch batch = root.getOrComputeResource(RESOURCE, key -> open(root, unitOfWork));
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
            if (writeBehind != null && root instanceof BatchingUnitOfWork<?>
                    && writeBehind.mayCarry(batch, wholeStream)) {
                writeBehind.carry(batch);
            } else {
                long start = System.nanoTime();
                Map<String, Set<String>> written = batch.flush();
                if (LOG.isDebugEnabled() && !written.isEmpty()) {
                    LOG.debug("{}: {} events wrote {} documents in {} ms", group, batch.events(), written.values()
                            .stream().mapToInt(Set::size).sum(), (System.nanoTime() - start) / 1_000_000);
                }
                if (writeBehind != null && root instanceof BatchingUnitOfWork<?>) {
                    writeBehind.writtenByBatch();
                }
                if (!written.isEmpty()) {
                    root.afterCommit(committed -> tellAll(listeners, written));
                }
            }
        }
        return result;
    }

    private ProjectionBatch open(UnitOfWork<?> root, UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        if (!(root instanceof BatchingUnitOfWork<?> batching)) {
            // Not the processor's own batch (a dead letter retried, say): it reads and writes the stored documents,
            // which must not be behind changes held by the processor.
            if (writeBehind != null && writeBehind.carrying()) {
                throw new IllegalStateException("The " + group + " projection holds changes to write while it "
                        + "catches up; retry once it has caught up");
            }
            ProjectionBatch.recover(mongo, group);
            return new ProjectionBatch(mongo, group, List.of(unitOfWork.getMessage()));
        }
        if (writeBehind != null) {
            // A batch rolled back leaves nothing carried: its events, and those carried into it, come again.
            root.onRollback(rolledBack -> writeBehind.discard());
            ProjectionBatch carried = writeBehind.takeUp(batching.getMessages());
            if (carried != null) {
                return carried;
            }
        }
        ProjectionBatch.recover(mongo, group);
        return new ProjectionBatch(mongo, group, batching.getMessages());
    }

    /** Tells every listener of written documents, once they are readable. */
    static void tellAll(ObjectProvider<CommittedBatches> listeners, Map<String, Set<String>> written) {
        listeners.orderedStream().forEach(listener -> tell(listener, written));
    }

    /** The batch is written and its token stored whatever a listener does: a failure here is only logged. */
    private static void tell(CommittedBatches listener, Map<String, Set<String>> written) {
        try {
            listener.committed(written);
        } catch (RuntimeException failed) {
            LOG.warn("{} failed on a committed batch: {}", listener.getClass().getSimpleName(),
                    failed.getClass().getSimpleName());
        }
    }
}
