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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Times every command from the start of its handling to the end of its unit of work (events stored or rolled back),
 * as {@code clw.commands{command, outcome}}: outcome {@code accepted}, {@code refused} (a rule, a missing case or bad
 * input: the client's business) or {@code failed} (the system's). Logged at debug, with the request's correlation id.
 */
@Component
class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommandMetrics.class);

    private final MeterRegistry meters;

    CommandMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Timer.Sample sample = Timer.start(meters);
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.onCleanup(finished -> {
            String outcome = outcome(finished.getExecutionResult());
            long nanos = sample.stop(Timer.builder("clw.commands")
                    .description("Commands handled, from handling to the end of their unit of work")
                    .tag("command", command)
                    .tag("outcome", outcome)
                    .register(meters));
            log.debug("{} {} in {} ms", command, outcome, nanos / 1_000_000);
        });
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
