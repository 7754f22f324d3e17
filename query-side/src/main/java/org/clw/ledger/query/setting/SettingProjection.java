package org.clw.ledger.query.setting;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.clw.ledger.events.setting.SettingClosed;
import org.clw.ledger.events.setting.SettingRegistered;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/** The {@code settings} read model: the programme's settings. */
@Component
@ProcessingGroup(SettingProjection.GROUP)
class SettingProjection {

    static final String GROUP = "settings";
    static final String COLLECTION = SettingView.COLLECTION;

    private final MongoOperations mongo;

    SettingProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(SettingRegistered event, @SequenceNumber long sequence, TrackingToken token) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        SettingView setting = batch.find(COLLECTION, event.settingId().value(), SettingView.class)
                .orElseGet(SettingView::new);
        if (sequence > setting.version) {
            setting.settingId = event.settingId().value();
            setting.name = event.name();
            setting.type = event.type();
            setting.hscp = event.hscp();
            setting.practiceCode = event.practiceCode();
            setting.deepEnd = event.deepEnd();
            setting.open = true;
            applied(batch, setting, sequence, token);
        }
    }

    @EventHandler
    void on(SettingClosed event, @SequenceNumber long sequence, TrackingToken token) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        batch.find(COLLECTION, event.settingId().value(), SettingView.class)
                .filter(setting -> sequence > setting.version)
                .ifPresent(setting -> {
                    setting.open = false;
                    applied(batch, setting, sequence, token);
                });
    }

    private static void applied(ProjectionBatch batch, SettingView setting, long sequence, TrackingToken token) {
        setting.version = sequence;
        setting.position = Positions.of(token);
        batch.save(COLLECTION, setting.settingId, setting);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
