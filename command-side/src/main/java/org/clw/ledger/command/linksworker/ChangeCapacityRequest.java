package org.clw.ledger.command.linksworker;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

record ChangeCapacityRequest(@NotNull @Min(1) @Max(500) Integer capacity) {
}
