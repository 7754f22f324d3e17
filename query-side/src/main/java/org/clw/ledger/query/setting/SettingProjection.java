package org.clw.ledger.query.setting;

import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.clw.ledger.events.setting.SettingClosed;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.events.setting.SettingRegistered;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.clw.ledger.query.projection.Staged;
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
    void on(SettingRegistered event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        change(batch, event.settingId(), sequence, token, setting -> {
            setting.name = event.name();
            setting.type = event.type();
            setting.hscp = event.hscp();
            setting.practiceCode = event.practiceCode();
            setting.deepEnd = event.deepEnd();
            setting.open = true;
        });
    }

    @EventHandler
    void on(SettingClosed event, @SequenceNumber long sequence, TrackingToken token, ProjectionBatch batch) {
        change(batch, event.settingId(), sequence, token, setting -> setting.open = false);
    }

    private static void change(ProjectionBatch batch, SettingId id, long sequence, TrackingToken token,
            Consumer<SettingView> change) {
        Staged writes = batch.stage();
        writes.update(COLLECTION, id.value(), SettingView.class, () -> SettingView.of(id.value()), setting -> {
            if (sequence <= setting.version) {
                return false;
            }
            change.accept(setting);
            setting.version = sequence;
            setting.position = Positions.of(token);
            return true;
        });
        batch.commit(writes);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
