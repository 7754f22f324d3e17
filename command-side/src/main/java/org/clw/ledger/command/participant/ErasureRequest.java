package org.clw.ledger.command.participant;

import jakarta.validation.constraints.NotNull;

record ErasureRequest(@NotNull ErasureReason reason) {
}
