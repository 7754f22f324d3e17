package org.clw.ledger.events.participant;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.clw.ledger.events.LedgerEvent;

/** A person became known to the programme. */
@Revision("1")
public record ParticipantRegistered(
        ParticipantId participantId,
        PersonalDetails personalDetails,
        Demographics demographics,
        Instant occurredAt)
        implements LedgerEvent {
}
