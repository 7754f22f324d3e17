package org.clw.ledger.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes a batch's documents once its last event is handled. Not on prepare-commit: the pooled processor stores its
 * token in a prepare-commit listener registered before any handler runs, and the documents must be written first.
 */
class ProjectionBatchFlusher implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            ProjectionBatch.flush(unitOfWork);
        }
        return result;
    }
}
