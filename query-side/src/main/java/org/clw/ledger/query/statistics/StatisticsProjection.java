package org.clw.ledger.query.statistics;

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

/** The {@code statistics} read model: counts per day and setting, from which any period and grouping is summed. */
@Component
@ProcessingGroup(StatisticsProjection.GROUP)
class StatisticsProjection {

    static final String GROUP = "statistics";
    static final String COLLECTION = "statistics";
    static final String CASE_STATE = "statistics_case_state";

    private final MongoOperations mongo;

    StatisticsProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, TrackingToken token) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        long position = Positions.of(token);
        CaseChanges.apply(batch, CASE_STATE, event, sequence, position).ifPresent(change ->
                CountBuckets.apply(batch, COLLECTION, change, position, StatisticsContributions::of));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
        mongo.dropCollection(CASE_STATE);
    }
}
