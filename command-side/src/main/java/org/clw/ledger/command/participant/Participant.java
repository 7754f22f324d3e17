package org.clw.ledger.command.participant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.clw.ledger.command.domain.Creation;
import org.clw.ledger.command.dispatch.ExpectedVersionTargetResolver;
import org.clw.ledger.command.domain.RuleViolation;
import org.clw.ledger.events.participant.Demographics;
import org.clw.ledger.events.participant.ParticipantDetailsChanged;
import org.clw.ledger.events.participant.ParticipantErased;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.ParticipantRegistered;
import org.clw.ledger.events.participant.SealedDetails;

/**
 * A person known to the programme. Personal details appear in its events and nowhere else, and only sealed with the
 * participant's key: this aggregate never sees them in clear, and compares them by their fingerprints.
 */
@Aggregate(cache = "aggregateCache", commandTargetResolver = ExpectedVersionTargetResolver.NAME)
class Participant {

    @AggregateIdentifier
    private ParticipantId participantId;
    private ParticipantRegistered registration;
    private SealedDetails personalDetails;
    private Demographics demographics;
    private boolean erased;

    Participant() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RegisterParticipant command, Clock clock) {
        return Creation.registerOnce(registration, at -> registrationAt(command, at), clock, "Participant",
                command.participantId(), () -> { });
    }

    @CommandHandler
    long handle(ChangeParticipantDetails command, Clock clock) {
        requireNotErased();
        if (!command.personalDetails().sameDetailsAs(personalDetails)
                || !Objects.equals(command.demographics(), demographics)) {
            apply(new ParticipantDetailsChanged(participantId, command.personalDetails(), command.demographics(),
                    clock.instant()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(EraseParticipant command, Clock clock) {
        // Repeating an erasure is harmless, so a request that failed after the event can simply be sent again.
        if (!erased) {
            apply(new ParticipantErased(participantId, clock.instant()));
        }
        return getVersion();
    }

    private void requireNotErased() {
        if (erased) {
            throw new RuleViolation("Participant " + participantId + " has been erased");
        }
    }

    /** Each sealing has its own nonce, so the same details repeated are recognised by their fingerprint. */
    private ParticipantRegistered registrationAt(RegisterParticipant command, Instant at) {
        SealedDetails details = command.personalDetails().sameDetailsAs(personalDetails)
                ? personalDetails : command.personalDetails();
        return new ParticipantRegistered(command.participantId(), details, command.demographics(), at);
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        participantId = event.participantId();
        registration = event;
        personalDetails = event.personalDetails();
        demographics = event.demographics();
    }

    @EventSourcingHandler
    void on(ParticipantDetailsChanged event) {
        personalDetails = event.personalDetails();
        demographics = event.demographics();
    }

    @EventSourcingHandler
    void on(ParticipantErased event) {
        erased = true;
        personalDetails = null;
    }
}
