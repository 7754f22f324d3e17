package org.clw.ledger.command.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.participant.ParticipantId;

/** Erase a person's personal details by destroying their key; their cases and statistics remain. */
public record EraseParticipant(
        @TargetAggregateIdentifier ParticipantId participantId) {
}
