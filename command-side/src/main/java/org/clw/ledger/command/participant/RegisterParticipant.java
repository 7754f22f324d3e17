package org.clw.ledger.command.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.SealedDetails;

/** Make a person known to the programme under a pseudonymous id; their details come sealed with their key. */
public record RegisterParticipant(
        @TargetAggregateIdentifier ParticipantId participantId,
        SealedDetails personalDetails,
        Demographics demographics) {
}
