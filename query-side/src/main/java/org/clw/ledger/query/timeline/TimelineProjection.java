package org.clw.ledger.query.timeline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.clw.ledger.events.referral.CaseEvent;
import org.clw.ledger.query.projection.CountBuckets;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.clw.ledger.query.referral.CaseChanges;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/** The {@code timeline} read model: per day, how the programme's open cases, waiting list and caseloads changed. */
@Component
@ProcessingGroup(TimelineProjection.GROUP)
class TimelineProjection {

    static final String GROUP = "timeline";
    static final String COLLECTION = "timeline";
    static final String CASE_STATE = "timeline_case_state";

    private final MongoOperations mongo;

    TimelineProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, TrackingToken token) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        long position = Positions.of(token);
        CaseChanges.apply(batch, CASE_STATE, event, sequence, position).ifPresent(change ->
                CountBuckets.apply(batch, COLLECTION, change, position, TimelineContributions::of));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
        mongo.dropCollection(CASE_STATE);
    }
}
