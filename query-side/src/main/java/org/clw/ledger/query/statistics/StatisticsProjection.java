package org.clw.ledger.query.statistics;

import org.axonframework.config.ProcessingGroup;
import org.clw.ledger.query.referral.CaseCountsProjection;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/** The {@code statistics} read model: counts per day and setting, from which any period and grouping is summed. */
@Component
@ProcessingGroup(StatisticsProjection.GROUP)
class StatisticsProjection extends CaseCountsProjection {

    static final String GROUP = "statistics";
    static final String COLLECTION = "statistics";

    StatisticsProjection(MongoOperations mongo) {
        super(mongo, COLLECTION, StatisticsContributions::of);
    }
}
