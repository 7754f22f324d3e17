package org.clw.ledger.query.projection;

import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@link CommittedBatches} are told which documents were written.
 */
class ProjectionBatches implements MessageHandlerInterceptor<EventMessage<?>> {

    static final String RESOURCE = ProjectionBatch.class.getName();
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionBatches.class);

    private final MongoOperations mongo;
    private final String group;
    private final ObjectProvider<CommittedBatches> listeners;

    ProjectionBatches(MongoOperations mongo, String group, ObjectProvider<CommittedBatches> listeners) {
        this.mongo = mongo;
        this.group = group;
        this.listeners = listeners;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        ProjectionBatch batch = root.getOrComputeResource(RESOURCE, key -> {
            ProjectionBatch.recover(mongo, group);
            return new ProjectionBatch(mongo, group, root instanceof BatchingUnitOfWork<?> batching
                    ? batching.getMessages() : List.of(unitOfWork.getMessage()));
        });
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
            Map<String, Set<String>> written = batch.flush();
            if (!written.isEmpty()) {
                root.afterCommit(committed -> listeners.orderedStream().forEach(listener -> tell(listener, written)));
            }
        }
        return result;
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
