package org.clw.ledger.command.participant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.clw.ledger.events.participant.ParticipantId;

/** @param participantId optional: the server gives the next programme number when absent */
record RegisterParticipantRequest(
        ParticipantId participantId,
        @NotNull @Valid PersonalDetailsRequest personalDetails,
        @NotNull @Valid DemographicsRequest demographics) {
}
