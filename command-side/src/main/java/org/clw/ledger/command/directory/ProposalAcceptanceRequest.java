package org.clw.ledger.command.directory;

import jakarta.validation.constraints.NotNull;
import org.clw.ledger.events.directory.ServiceId;

/** @param serviceId the directory service added for the proposal */
record ProposalAcceptanceRequest(@NotNull ServiceId serviceId) {
}
