package org.clw.ledger.command.dispatch;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * The target aggregate from the command's {@code @TargetAggregateIdentifier}, and the version its sender expects
 * from the command's {@value #EXPECTED_VERSION} metadata (an HTTP {@code If-Match}), so that a command decided on a
 * stale view of the aggregate is refused rather than applied.
 */
@Component(ExpectedVersionTargetResolver.NAME)
public class ExpectedVersionTargetResolver implements CommandTargetResolver {

    public static final String NAME = "expectedVersionTargetResolver";
    public static final String EXPECTED_VERSION = "expectedVersion";

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotations.resolveTarget(command);
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        return expected == null ? target
                : new VersionedAggregateIdentifier(target.getIdentifierValue(), Long.valueOf(expected.toString()));
    }
}
