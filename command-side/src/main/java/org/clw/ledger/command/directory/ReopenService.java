package org.clw.ledger.command.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.directory.ServiceId;

/** Open a withdrawn service again. */
public record ReopenService(
        @TargetAggregateIdentifier ServiceId serviceId) {
}
