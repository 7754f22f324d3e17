package org.clw.ledger.events.participant;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A person's personal details were erased; no new referral may name them. */
@Revision("1")
public record ParticipantErased(
        ParticipantId participantId,
        Instant occurredAt)
        implements ParticipantEvent {
}
