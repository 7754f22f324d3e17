package org.clw.ledger.query.projection;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Resolves an event handler's {@link ProjectionBatch} parameter to the batch of the unit of work it runs in. Found by
 * Axon through {@code META-INF/services}.
 */
public class ProjectionBatchParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<ProjectionBatch> createInstance(Executable executable, Parameter[] parameters,
            int parameterIndex) {
        if (parameters[parameterIndex].getType() != ProjectionBatch.class) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public ProjectionBatch resolveParameterValue(Message<?> message) {
                ProjectionBatch batch = CurrentUnitOfWork.get().root().getResource(ProjectionBatches.RESOURCE);
                if (batch == null) {
                    throw new IllegalStateException("No projection batch: the handler runs outside a projection");
                }
                return batch;
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }
}
