package org.clw.ledger.query.statistics;

import java.time.LocalDate;
import org.clw.ledger.query.projection.Calendar;
import org.clw.ledger.query.referral.CaseCountsView;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code statistics} read model: counts per year, month and day, for the whole programme and per setting, so
 * that any period is summed from a few dozen documents per setting asked for (see
 * {@link org.clw.ledger.query.projection.Calendar#cover}).
 */
@Component
class StatisticsProjection extends CaseCountsView<LocalDate> {

    static final String COLLECTION = "statistics";

    StatisticsProjection(MongoOperations mongo) {
        super(mongo, COLLECTION, true, StatisticsContributions::of, Calendar::keysOf);
    }
}
