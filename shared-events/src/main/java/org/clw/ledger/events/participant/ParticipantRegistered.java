package org.clw.ledger.events.participant;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A person became known to the programme. */
@Revision("2")
public record ParticipantRegistered(
        ParticipantId participantId,
        SealedDetails personalDetails,
        Demographics demographics,
        Instant occurredAt)
        implements ParticipantEvent {
}
