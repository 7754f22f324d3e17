package org.clw.ledger.command.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.directory.ServiceId;

/** Withdraw a service: it takes no more onward referrals, and stays in the directory's history. */
public record WithdrawService(
        @TargetAggregateIdentifier ServiceId serviceId) {
}
