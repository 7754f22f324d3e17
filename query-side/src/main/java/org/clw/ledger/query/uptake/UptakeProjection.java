package org.clw.ledger.query.uptake;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.projection.Staged;
import org.clw.ledger.query.referral.CaseChange;
import org.clw.ledger.query.referral.CaseView;
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
class UptakeProjection implements CaseView {

    static final String COLLECTION = "uptake";

    private final MongoOperations mongo;

    UptakeProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void apply(CaseChange change, Staged writes) {
        Map<String, Map<Counter, Long>> buckets = new HashMap<>();
        difference(UptakeContributions.of(change.before()), UptakeContributions.of(change.after()))
                .forEach((month, delta) -> List.of(monthKey(month), yearKey(month.getYear())).forEach(period -> {
                    add(buckets, CountBucket.idOf(period, null), delta);
                    add(buckets, CountBucket.idOf(period, change.after().settingId()), delta);
                }));
        buckets.forEach((id, delta) -> {
            int bar = id.indexOf('|');
            String period = bar < 0 ? id : id.substring(0, bar);
            String settingId = bar < 0 ? null : id.substring(bar + 1);
            writes.update(COLLECTION, id, CountBucket.class, () -> CountBucket.of(period, settingId),
                    bucket -> bucket.add(delta, change.position()));
        });
    }

    @Override
    public void reset() {
        mongo.dropCollection(COLLECTION);
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

    private static void add(Map<String, Map<Counter, Long>> buckets, String id, Map<Counter, Long> delta) {
        Map<Counter, Long> counts = buckets.computeIfAbsent(id, key -> new HashMap<>());
        delta.forEach((counter, value) -> counts.merge(counter, value, Long::sum));
    }

    /** Per month, after minus before, without the counters that did not move. */
    static Map<YearMonth, Map<Counter, Long>> difference(Map<YearMonth, Map<Counter, Long>> before,
            Map<YearMonth, Map<Counter, Long>> after) {
        Set<YearMonth> months = new HashSet<>(before.keySet());
        months.addAll(after.keySet());
        Map<YearMonth, Map<Counter, Long>> delta = new HashMap<>();
        for (YearMonth month : months) {
            Map<Counter, Long> change = new HashMap<>(after.getOrDefault(month, Map.of()));
            before.getOrDefault(month, Map.of()).forEach((counter, value) -> change.merge(counter, -value,
                    Long::sum));
            change.values().removeIf(value -> value == 0);
            if (!change.isEmpty()) {
                delta.put(month, change);
            }
        }
        return delta;
    }
}
