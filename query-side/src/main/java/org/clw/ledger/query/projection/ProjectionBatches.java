package org.clw.ledger.query.projection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
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
 * {@link CommittedBatches} are told which documents were written.
 */
class ProjectionBatches implements MessageHandlerInterceptor<EventMessage<?>> {

    static final String RESOURCE = ProjectionBatch.class.getName();
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionBatches.class);

    private final MongoOperations mongo;
    private final String group;
    private final ObjectProvider<CommittedBatches> listeners;
    private final WriteBehind writeBehind;
    private final Supplier<Optional<StreamingEventProcessor>> processor;

    ProjectionBatches(MongoOperations mongo, String group, ObjectProvider<CommittedBatches> listeners,
            WriteBehind writeBehind, Supplier<Optional<StreamingEventProcessor>> processor) {
        this.mongo = mongo;
        this.group = group;
        this.listeners = listeners;
        this.writeBehind = writeBehind;
        this.processor = processor;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        ProjectionBatch batch = root.getOrComputeResource(RESOURCE, key -> {
            if (!(root instanceof BatchingUnitOfWork<?> batching)) {
                // Not the processor's own batch (a dead letter retried, say): nothing carried is its to take.
                ProjectionBatch.recover(mongo, group);
                return new ProjectionBatch(mongo, group, List.of(unitOfWork.getMessage()));
            }
            List<? extends Message<?>> messages = batching.getMessages();
            ProjectionBatch carried = writeBehind.take(group, messages.isEmpty()
                    || !(messages.get(0) instanceof TrackedEventMessage<?> first) ? null : first.trackingToken());
            if (carried != null) {
                carried.next(messages);
                return carried;
            }
            ProjectionBatch.recover(mongo, group);
            return new ProjectionBatch(mongo, group, messages);
        });
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
            if (carries(unitOfWork, batch)) {
                writeBehind.carry(group, batch, () -> tellAll(batch.flush()));
                root.onRollback(rolledBack -> writeBehind.discard(group));
            } else {
                Map<String, Set<String>> written = batch.flush();
                if (!written.isEmpty()) {
                    root.afterCommit(committed -> tellAll(written));
                }
            }
        }
        return result;
    }

    /**
     * Whether the batch goes on into the processor's next one: during a replay, when its last event is before the
     * replay's end (so more batches follow; the batch with the last replayed event writes), while within bounds, and only while this instance processes
     * the whole stream in one segment (its batches follow each other on one thread).
     */
    private boolean carries(UnitOfWork<? extends EventMessage<?>> unitOfWork, ProjectionBatch batch) {
        return unitOfWork.root() instanceof BatchingUnitOfWork<?>
                && unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked
                && ReplayToken.isReplay(tracked.trackingToken()) && tracked.trackingToken() instanceof ReplayToken replay
                && Positions.of(replay.getCurrentToken()) < Positions.of(replay.getTokenAtReset())
                && writeBehind.mayCarry(batch)
                && processor.get().map(StreamingEventProcessor::processingStatus)
                        .filter(status -> status.size() == 1)
                        .map(status -> status.values().iterator().next().getSegment().getMask() == 0)
                        .orElse(false);
    }

    private void tellAll(Map<String, Set<String>> written) {
        if (!written.isEmpty()) {
            listeners.orderedStream().forEach(listener -> tell(listener, written));
        }
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
