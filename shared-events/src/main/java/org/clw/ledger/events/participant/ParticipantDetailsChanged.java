package org.clw.ledger.events.participant;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A person's details were corrected or updated; both values given are the new whole. */
@Revision("2")
public record ParticipantDetailsChanged(
        ParticipantId participantId,
        SealedDetails personalDetails,
        Demographics demographics,
        Instant occurredAt)
        implements ParticipantEvent {
}
