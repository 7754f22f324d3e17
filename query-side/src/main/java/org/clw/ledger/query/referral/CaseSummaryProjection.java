package org.clw.ledger.query.referral;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/** The {@code cases} read model: one {@link CaseSummary} per referral. */
@Component
@ProcessingGroup(CaseSummaryProjection.GROUP)
class CaseSummaryProjection {

    static final String GROUP = "case-summaries";
    static final String COLLECTION = CaseSummary.COLLECTION;

    private final MongoOperations mongo;

    CaseSummaryProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, TrackingToken token) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        String id = event.referralId().value();
        CaseSummary summary = batch.findCase(COLLECTION, id, CaseSummary.class).orElseGet(CaseSummary::new);
        if (summary.apply(event, sequence, Positions.of(token))) {
            batch.save(COLLECTION, id, summary);
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
