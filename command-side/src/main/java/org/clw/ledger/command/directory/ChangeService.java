package org.clw.ledger.command.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.directory.ServiceId;
import org.clw.ledger.events.directory.ServiceOffer;

/** Replace what a service offers. */
public record ChangeService(
        @TargetAggregateIdentifier ServiceId serviceId,
        ServiceOffer offer) {
}
