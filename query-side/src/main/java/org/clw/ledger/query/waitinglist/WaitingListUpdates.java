package org.clw.ledger.query.waitinglist;

import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.clw.ledger.query.live.Changed;
import org.clw.ledger.query.projection.CommittedBatches;
import org.springframework.stereotype.Component;

/** Tells the live waiting lists which settings' lists a committed batch changed. */
@Component
class WaitingListUpdates implements CommittedBatches {

    private final QueryUpdateEmitter emitter;

    WaitingListUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void committed(Map<String, Set<String>> written) {
        Set<String> settings = written.getOrDefault(WaitingListProjection.COLLECTION, Set.of());
        if (!settings.isEmpty()) {
            emitter.emit(WaitingListQuery.class, query -> query.affectedBy(settings), new Changed(settings));
        }
    }
}
