package org.clw.ledger.query.participant;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.clw.ledger.events.AuditKey;
import org.clw.ledger.events.participant.ParticipantDetailsChanged;
import org.clw.ledger.events.participant.ParticipantErased;
import org.clw.ledger.events.participant.ParticipantEvent;
import org.clw.ledger.events.participant.ParticipantId;
import org.clw.ledger.events.participant.ParticipantRegistered;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.clw.ledger.query.projection.Staged;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code participants} read model. Erasure scrubs the sealed details from it (the key is destroyed on the command
 * side), so nothing of the person is left in any read model.
 */
@Component
@ProcessingGroup(ParticipantProjection.GROUP)
class ParticipantProjection {

    static final String GROUP = "participants";
    static final String COLLECTION = ParticipantRecord.COLLECTION;

    private final MongoOperations mongo;

    ParticipantProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The registrant is the registration's actor, from its audit metadata, which no request body can set. */
    @EventHandler
    void on(ParticipantRegistered event, MetaData metaData, @SequenceNumber long sequence, TrackingToken token,
            ProjectionBatch batch) {
        Object registrant = metaData.get(AuditKey.ACTOR_ID.key());
        apply(batch, event.participantId(), sequence, token, participant -> {
            participant.personalDetails = event.personalDetails();
            participant.demographics = event.demographics();
            participant.registeredAt = event.occurredAt();
            participant.registeredBy = registrant == null ? null : registrant.toString();
        });
    }

    @EventHandler
    void on(ParticipantDetailsChanged event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        apply(batch, event.participantId(), sequence, token, participant -> {
            participant.personalDetails = event.personalDetails();
            participant.demographics = event.demographics();
        });
    }

    @EventHandler
    void on(ParticipantErased event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        apply(batch, event.participantId(), sequence, token, participant -> {
            participant.personalDetails = null;
            participant.erased = true;
            participant.erasedAt = event.occurredAt();
        });
    }

    /** A case's event, not the participant's: adding its id is idempotent, so no version guards it. */
    @EventHandler
    void on(ReferralReceived event, ProjectionBatch batch) {
        readAhead(batch);
        Staged writes = batch.stage();
        writes.update(COLLECTION, event.participantId().value(), ParticipantRecord.class,
                () -> created(event.participantId()),
                participant -> participant.referralIds.add(event.referralId().value()));
        batch.commit(writes);
    }

    private static void apply(ProjectionBatch batch, ParticipantId id, long sequence, TrackingToken token,
            Consumer<ParticipantRecord> change) {
        readAhead(batch);
        Staged writes = batch.stage();
        writes.update(COLLECTION, id.value(), ParticipantRecord.class, () -> created(id), participant -> {
            if (sequence <= participant.version) {
                return false;
            }
            change.accept(participant);
            participant.version = sequence;
            participant.position = Positions.of(token);
            return true;
        });
        batch.commit(writes);
    }

    /**
     * On the batch's first event: every participant its events are about, read in a few queries instead of a
     * {@code findById} per event. Reads only: what the plan stages is never applied.
     */
    private static void readAhead(ProjectionBatch batch) {
        batch.readAhead(messages -> {
            Staged reads = batch.stage();
            messages.stream()
                    .map(Message::getPayload)
                    .map(ParticipantProjection::participantOf)
                    .filter(Objects::nonNull)
                    .distinct()
                    .forEach(id -> reads.update(COLLECTION, id, ParticipantRecord.class, () -> null,
                            participant -> false));
            return List.of(reads);
        }, reads -> reads);
    }

    private static String participantOf(Object event) {
        if (event instanceof ParticipantEvent participant) {
            return participant.participantId().value();
        }
        return event instanceof ReferralReceived referral ? referral.participantId().value() : null;
    }

    private static ParticipantRecord created(ParticipantId id) {
        ParticipantRecord created = new ParticipantRecord();
        created.participantId = id.value();
        return created;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
