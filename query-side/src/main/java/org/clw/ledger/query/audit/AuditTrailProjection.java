package org.clw.ledger.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.clw.ledger.events.AuditKey;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.LedgerEvent;
import org.clw.ledger.events.Reasoned;
import org.clw.ledger.events.setting.SettingClosed;
import org.clw.ledger.events.setting.SettingRegistered;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.clw.ledger.query.projection.Staged;
import org.clw.ledger.query.referral.CaseChange;
import org.clw.ledger.query.referral.CaseView;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code audit_trail} read model: a row per stored event, grouped by the hour it was recorded, so that a search
 * over a period reads that period's hours and nothing else. A case event's row comes from the one fold, which names
 * the case's setting; other events come to it directly, in the {@code cases} processing group. A re-delivered event
 * rewrites its own row.
 */
@Component
@ProcessingGroup("cases")
class AuditTrailProjection implements CaseView {

    static final String COLLECTION = "audit_trail";

    private final MongoOperations mongo;

    AuditTrailProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Registry events (settings, workers, participants); case events are rows of their case's change. */
    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message, TrackingToken token, ProjectionBatch batch) {
        if (event instanceof CaseEvent) {
            return;
        }
        String settingId = event instanceof SettingRegistered registered ? registered.settingId().value()
                : event instanceof SettingClosed closed ? closed.settingId().value() : null;
        Staged writes = batch.stage();
        stageRow(writes, event, message, settingId, Positions.of(token));
        batch.commit(writes);
    }

    @Override
    public void apply(CaseChange change, Staged writes) {
        stageRow(writes, (LedgerEvent) change.event().getPayload(), change.event(), change.after().settingId(),
                change.position());
    }

    @Override
    public void reset() {
        mongo.dropCollection(COLLECTION);
    }

    private static void stageRow(Staged writes, LedgerEvent event, EventMessage<?> message, String settingId,
            long position) {
        DomainEventMessage<?> stored = (DomainEventMessage<?>) message;
        MetaData metaData = message.getMetaData();
        AuditRow row = new AuditRow(stored.getAggregateIdentifier(), stored.getSequenceNumber(),
                event.getClass().getSimpleName(), text(metaData, AuditKey.ACTOR_ID), text(metaData, AuditKey.ACTOR_ROLE),
                settingId, message.getTimestamp(), event.occurredAt(), text(metaData, AuditKey.COMMAND_NAME),
                text(metaData, AuditKey.CORRELATION_ID), Reasoned.of(event, metaData));
        String hourId = AuditHour.idOf(message.getTimestamp());
        writes.update(COLLECTION, hourId, AuditHour.class, () -> AuditHour.of(hourId), hour -> {
            hour.rows.put(row.aggregateId() + "#" + row.sequence(), row);
            hour.position = Math.max(hour.position, position);
            return true;
        });
    }

    private static String text(MetaData metaData, AuditKey key) {
        Object value = metaData.get(key.key());
        return value == null ? null : value.toString();
    }
}
