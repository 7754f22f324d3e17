package org.clw.ledger.query.uptake;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.referral.CaseCountsView;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The {@code uptake} read model, derived from cases: uptake counts per month and per year (a period of whole months
 * is summed from at most a few dozen documents per setting), for the whole programme and per setting, so an area is
 * the settings of its HSCP. Each change of a case adds the difference between its {@link UptakeContributions} before
 * and after; the buckets remember the latest position they took in, and the cases projection's batches are all or
 * nothing, so re-delivery and replay give the same documents.
 */
@Component
class UptakeProjection extends CaseCountsView<YearMonth> {

    static final String COLLECTION = "uptake";

    UptakeProjection(MongoOperations mongo) {
        super(mongo, COLLECTION, null, UptakeContributions::of);
    }

    @Override
    protected void count(YearMonth month, Map<Counter, Long> delta, Tally tally) {
        for (String period : List.of(monthKey(month), yearKey(month.getYear()))) {
            tally.programme(period, delta);
            tally.setting(period, delta);
        }
    }

    /** Keys of non-overlapping periods that together are exactly the months {@code from} to {@code to}. */
    static List<String> cover(YearMonth from, YearMonth to) {
        List<String> keys = new ArrayList<>();
        YearMonth month = from;
        while (!month.isAfter(to)) {
            if (month.getMonthValue() == 1 && !month.plusMonths(11).isAfter(to)) {
                keys.add(yearKey(month.getYear()));
                month = month.plusYears(1);
            } else {
                keys.add(monthKey(month));
                month = month.plusMonths(1);
            }
        }
        return keys;
    }

    // The same keys as the statistics' months and years (org.clw.ledger.query.projection.Calendar).
    static String monthKey(YearMonth month) {
        return "M" + month;
    }

    static String yearKey(int year) {
        return "Y" + year;
    }
}
