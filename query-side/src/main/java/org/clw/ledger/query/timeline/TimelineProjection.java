package org.clw.ledger.query.timeline;

import org.axonframework.config.ProcessingGroup;
import org.clw.ledger.query.referral.CaseCountsProjection;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/** The {@code timeline} read model: per day, how the programme's open cases, waiting list and caseloads changed. */
@Component
@ProcessingGroup(TimelineProjection.GROUP)
class TimelineProjection extends CaseCountsProjection {

    static final String GROUP = "timeline";
    static final String COLLECTION = "timeline";

    TimelineProjection(MongoOperations mongo) {
        super(mongo, COLLECTION, TimelineContributions::of);
    }
}
