package org.clw.ledger.query.waitinglist;

import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.clw.ledger.query.referral.CaseChanges;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code waiting_lists} read model: per setting, the referrals received or taken on that have not yet had an
 * attended appointment. A referral leaves the list at its first attended appointment, decline or closure.
 */
@Component
@ProcessingGroup(WaitingListProjection.GROUP)
class WaitingListProjection {

    static final String GROUP = "waiting-lists";
    static final String COLLECTION = "waiting_lists";
    static final String CASE_STATE = "waiting_lists_case_state";

    private final MongoOperations mongo;

    WaitingListProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, TrackingToken token) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        long position = Positions.of(token);
        CaseChanges.apply(batch, CASE_STATE, event, sequence, position).ifPresent(change -> {
            String settingId = change.after().settingId();
            SettingWaitingList list = batch.find(COLLECTION, settingId, SettingWaitingList.class)
                    .orElseGet(() -> SettingWaitingList.of(settingId));
            WaitingEntry entry = change.after().isWaiting() ? WaitingEntry.of(change.after()) : null;
            if (!Objects.equals(entry, list.entries.get(change.referralId()))) {
                if (entry == null) {
                    list.entries.remove(change.referralId());
                } else {
                    list.entries.put(change.referralId(), entry);
                }
                list.position = Math.max(list.position, position);
                batch.save(COLLECTION, settingId, list);
            }
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
        mongo.dropCollection(CASE_STATE);
    }
}
