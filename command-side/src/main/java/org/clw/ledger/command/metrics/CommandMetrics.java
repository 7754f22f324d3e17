package org.clw.ledger.command.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.clw.ledger.command.domain.CommandRefusal;
import org.springframework.stereotype.Component;

/**
 * Times every command from the start of its handling to the end of its unit of work (events stored or rolled back),
 * as {@code clw.commands{command, outcome}}: outcome {@code accepted}, {@code refused} (a rule, a missing case or bad
 * input: the client's business) or {@code failed} (the system's).
 */
@Component
class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry meters;

    CommandMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Timer.Sample sample = Timer.start(meters);
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.onCleanup(finished -> sample.stop(Timer.builder("clw.commands")
                .description("Commands handled, from handling to the end of their unit of work")
                .tag("command", command)
                .tag("outcome", outcome(finished.getExecutionResult()))
                .register(meters)));
        return chain.proceed();
    }

    private static String outcome(ExecutionResult result) {
        if (result == null || !result.isExceptionResult()) {
            return "accepted";
        }
        return result.getExceptionResult() instanceof CommandExecutionException refused
                && refused.getDetails().filter(CommandRefusal.class::isInstance).isPresent() ? "refused" : "failed";
    }
}
