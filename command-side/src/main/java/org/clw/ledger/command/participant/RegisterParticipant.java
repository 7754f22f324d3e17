package org.clw.ledger.command.participant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.PersonalDetails;

/** Make a person known to the programme under a pseudonymous id. */
public record RegisterParticipant(
        @TargetAggregateIdentifier ParticipantId participantId,
        PersonalDetails personalDetails,
        Demographics demographics) {
}
