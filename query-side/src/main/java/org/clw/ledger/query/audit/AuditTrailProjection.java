package org.clw.ledger.query.audit;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.SourceId;
import org.clw.ledger.events.AuditKey;
import org.clw.ledger.events.LedgerEvent;
import org.clw.ledger.events.Reasoned;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.events.referral.ReferralReceived;
import org.clw.ledger.events.setting.SettingClosed;
import org.clw.ledger.events.setting.SettingRegistered;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code audit_trail} read model: a row per stored event, grouped by the hour it was recorded, so that a search
 * over a period reads that period's hours and nothing else. A case event's row names the case's setting, kept in
 * {@code audit_case_settings}. A re-delivered event rewrites its own row.
 */
@Component
@ProcessingGroup(AuditTrailProjection.GROUP)
class AuditTrailProjection {

    static final String GROUP = "audit-trail";
    static final String COLLECTION = "audit_trail";
    static final String CASE_SETTINGS = "audit_case_settings";

    private final MongoOperations mongo;

    AuditTrailProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    record CaseSetting(@Id String referralId, String settingId) {
    }

    @EventHandler
    void on(LedgerEvent event, @SourceId String aggregateId, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt, MetaData metaData, TrackingToken token) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        String settingId = settingOf(batch, event);
        AuditRow row = new AuditRow(aggregateId, sequence, event.getClass().getSimpleName(),
                text(metaData, AuditKey.ACTOR_ID), text(metaData, AuditKey.ACTOR_ROLE), settingId, recordedAt,
                event.occurredAt(), text(metaData, AuditKey.COMMAND_NAME), text(metaData, AuditKey.CORRELATION_ID),
                Reasoned.of(event, metaData));
        String hourId = AuditHour.idOf(recordedAt);
        AuditHour hour = batch.find(COLLECTION, hourId, AuditHour.class).orElseGet(() -> AuditHour.of(hourId));
        hour.rows.put(aggregateId + "#" + sequence, row);
        hour.position = Math.max(hour.position, Positions.of(token));
        batch.save(COLLECTION, hourId, hour);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
        mongo.dropCollection(CASE_SETTINGS);
    }

    private static String settingOf(ProjectionBatch batch, LedgerEvent event) {
        if (event instanceof SettingRegistered registered) {
            return registered.settingId().value();
        }
        if (event instanceof SettingClosed closed) {
            return closed.settingId().value();
        }
        if (event instanceof ReferralReceived received) {
            CaseSetting setting = new CaseSetting(received.referralId().value(), received.settingId().value());
            batch.saveCaseState(CASE_SETTINGS, setting.referralId(), setting);
            return setting.settingId();
        }
        if (event instanceof CaseEvent caseEvent) {
            return batch.findCase(CASE_SETTINGS, caseEvent.referralId().value(), CaseSetting.class)
                    .map(CaseSetting::settingId).orElse(null);
        }
        return null;
    }

    private static String text(MetaData metaData, AuditKey key) {
        Object value = metaData.get(key.key());
        return value == null ? null : value.toString();
    }
}
