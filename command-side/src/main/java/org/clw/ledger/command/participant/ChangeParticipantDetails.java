package org.clw.ledger.command.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.SealedDetails;

/** Correct or update a person's details; both values are the new whole. */
public record ChangeParticipantDetails(
        @TargetAggregateIdentifier ParticipantId participantId,
        SealedDetails personalDetails,
        Demographics demographics) {
}
