package org.clw.ledger.command.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.clw.ledger.command.domain.CommandRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every command from dispatch to its result (events stored or rolled back) as
 * {@code clw.commands{command, outcome}}: outcome {@code accepted}, {@code refused} (a rule, a missing case or bad
 * input: the client's business) or {@code failed} (the system's). Axon's {@code commandBus.failureTimer} counts a
 * refusal and a failure alike, and its tags are fixed before the result is known, so this one dimension is ours.
 * Logged at debug, with the request's correlation id.
 */
class CommandOutcomeMonitor implements MessageMonitor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommandOutcomeMonitor.class);

    private final MeterRegistry meters;

    CommandOutcomeMonitor(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public MonitorCallback onMessageIngested(CommandMessage<?> message) {
        Timer.Sample sample = Timer.start(meters);
        String command = message.getPayloadType().getSimpleName();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                record("accepted");
            }

            @Override
            public void reportFailure(Throwable cause) {
                record(cause instanceof CommandExecutionException refused
                        && refused.getDetails().filter(CommandRefusal.class::isInstance).isPresent()
                        ? "refused" : "failed");
            }

            /** The command bus reports every command as a success or a failure; nothing is ignored. */
            @Override
            public void reportIgnored() {
            }

            private void record(String outcome) {
                long nanos = sample.stop(Timer.builder("clw.commands")
                        .description("Commands handled, from dispatch to the end of their unit of work")
                        .tag("command", command)
                        .tag("outcome", outcome)
                        .register(meters));
                log.debug("{} {} in {} ms", command, outcome, nanos / 1_000_000);
            }
        };
    }
}
