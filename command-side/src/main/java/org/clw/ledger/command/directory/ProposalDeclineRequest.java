package org.clw.ledger.command.directory;

import jakarta.validation.constraints.NotNull;
import org.clw.ledger.events.directory.ProposalDeclineReason;

record ProposalDeclineRequest(@NotNull ProposalDeclineReason reason) {
}
