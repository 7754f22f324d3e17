package org.clw.ledger.command.dispatch;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.eventsourcing.conflictresolution.DefaultConflictResolver;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.clw.ledger.command.domain.CommandRefusal;
import org.clw.ledger.command.domain.InvalidCommand;
import org.clw.ledger.command.domain.NotFound;
import org.clw.ledger.command.domain.RuleViolation;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;

/**
 * Turns the refusals of command handlers into {@link CommandExecutionException}s carrying a {@link CommandRefusal},
 * so that the REST layer sees the same thing whether the command ran in this JVM or behind Axon Server.
 */
@Component
class RefusalTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            Object result = chain.proceed();
            // Axon would find a stale If-Match only as the command commits, outside this translation.
            if (ConflictResolution.getConflictResolver() instanceof DefaultConflictResolver resolver) {
                resolver.ensureConflictsResolved();
            }
            return result;
        } catch (ConflictingAggregateVersionException e) {
            throw refusal(new CommandRefusal(CommandRefusal.Kind.CONFLICT, null, "It is at version "
                    + e.getActualVersion() + ", not the version " + e.getExpectedVersion()
                    + " the request expected (If-Match); read it again and retry"));
        } catch (InvalidCommand e) {
            throw refusal(new CommandRefusal(CommandRefusal.Kind.INVALID, e.field(), e.getMessage()));
        } catch (NotFound e) {
            throw refusal(new CommandRefusal(CommandRefusal.Kind.NOT_FOUND, null, e.getMessage()));
        } catch (RuleViolation e) {
            throw refusal(new CommandRefusal(CommandRefusal.Kind.CONFLICT, null, e.getMessage()));
        } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
            // Waited longer than clw.registry.lock-timeout for a row another command holds (PostgreSQL reports a
            // lock failure, H2 a timeout): nothing was decided.
            throw refusal(new CommandRefusal(CommandRefusal.Kind.CONFLICT, null,
                    "Another command is changing the same records at this moment; retry"));
        } catch (AggregateNotFoundException e) {
            throw refusal(new CommandRefusal(CommandRefusal.Kind.NOT_FOUND, null,
                    "Unknown id " + e.getAggregateIdentifier()));
        }
    }

    private static CommandExecutionException refusal(CommandRefusal refusal) {
        return new CommandExecutionException(refusal.message(), null, refusal);
    }
}
