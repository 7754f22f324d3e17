package org.clw.ledger.command.participant;

import org.clw.ledger.command.registry.Registry;
import org.clw.ledger.events.participant.ParticipantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Hands out programme numbers (P000001, P000002, ...) from a database sequence, skipping any a client chose. */
@Component
class ParticipantNumbers {

    private final JdbcTemplate jdbc;
    private final Registry registry;

    ParticipantNumbers(JdbcTemplate jdbc, Registry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    ParticipantId next() {
        while (true) {
            Long number = jdbc.queryForObject("SELECT NEXT VALUE FOR participant_number", Long.class);
            ParticipantId candidate = ParticipantId.ofNumber(number);
            if (registry.participant(candidate) == Registry.Standing.UNKNOWN) {
                return candidate;
            }
        }
    }
}
