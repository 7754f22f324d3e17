package org.clw.ledger.query.statistics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.clw.ledger.query.projection.Calendar;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.referral.CaseCountsView;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The statistics read models, counts per year, month and day, each shaped for the questions that read it:
 * <ul>
 * <li>{@code statistics}, {@code Y2026} / {@code M2026-03} / {@code D2026-03-05}: the whole programme's counts, also
 * split by route and by need; and running totals ({@link Calendar#spansOf}) of the plain counts, so that the totals
 * up to a day read a bounded number of documents;</li>
 * <li>{@code statistics_by_setting}, one document per period: every setting's plain counts and its referrals received
 * by route and by need, so that a series by setting or HSCP, or a setting's or an HSCP's year, reads one document
 * per period;</li>
 * <li>{@code statistics}, {@code Y2026|gp-40001}...: one setting's counts split by route and by need, read only for a
 * series by need or route within a setting or an HSCP (all of them in one table would be tens of thousands of counts
 * per period, rewritten by every batch that touches it).</li>
 * </ul>
 */
@Component
class StatisticsProjection extends CaseCountsView<LocalDate> {

    static final String COLLECTION = "statistics";
    static final String BY_SETTING = "statistics_by_setting";

    StatisticsProjection(MongoOperations mongo) {
        super(mongo, COLLECTION, BY_SETTING, StatisticsContributions::of);
    }

    @Override
    protected void count(LocalDate day, Map<Counter, Long> delta, Tally tally) {
        Shares shares = Shares.of(delta);
        for (String period : Calendar.keysOf(day)) {
            tally.programme(period, delta);
            tally.table(period, shares.table());
            tally.setting(period, shares.split());
        }
        for (String span : Calendar.spansOf(day.getYear())) {
            tally.programme(span, shares.plain());
        }
    }

    /**
     * A day's counts as each document keeps them.
     *
     * @param plain the counts not split by a dimension: what a report reads
     * @param table the plain counts and the referrals received by route and need: a setting's row of a period's table
     * @param split the counts split by a dimension: a setting's own bucket
     */
    record Shares(Map<Counter, Long> plain, Map<Counter, Long> table, Map<Counter, Long> split) {

        static Shares of(Map<Counter, Long> delta) {
            Shares shares = new Shares(new HashMap<>(), new HashMap<>(), new HashMap<>());
            delta.forEach((counter, value) -> {
                if (!counter.hasDimension()) {
                    shares.plain.put(counter, value);
                    shares.table.put(counter, value);
                } else {
                    shares.split.put(counter, value);
                    if (counter.metric().equals(Metric.RECEIVED)) {
                        shares.table.put(counter, value);
                    }
                }
            });
            return shares;
        }
    }
}
