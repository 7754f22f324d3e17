package org.clw.ledger.command.participant;

import org.clw.ledger.command.registry.Registry;
import org.clw.ledger.events.participant.ParticipantId;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Hands out programme numbers (P000001, P000002, ...) from the registry's sequence, skipping any a client chose.
 * Instances sharing the registry share the sequence, so they never hand out the same number.
 */
@Component
class ParticipantNumbers {

    private final DataFieldMaxValueIncrementer sequence;
    private final Registry registry;

    ParticipantNumbers(DataFieldMaxValueIncrementer sequence, Registry registry) {
        this.sequence = sequence;
        this.registry = registry;
    }

    ParticipantId next() {
        while (true) {
            ParticipantId candidate = ParticipantId.ofNumber(sequence.nextLongValue());
            if (registry.participant(candidate) == Registry.Standing.UNKNOWN) {
                return candidate;
            }
        }
    }
}
