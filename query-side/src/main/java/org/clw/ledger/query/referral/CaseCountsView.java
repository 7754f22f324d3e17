package org.clw.ledger.query.referral;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clw.ledger.query.projection.Calendar;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.projection.Staged;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A read model of counts derived from cases (statistics, the timeline). A case, as it stands, contributes counts to
 * days; each change of the case adds the difference between its contributions before and after, so corrections,
 * reallocations and reopenings move counts exactly. Each day's difference goes into the programme-wide buckets of its
 * day, month and year (see {@link Calendar}), and, when kept per setting, into the case's setting's as well.
 */
public abstract class CaseCountsView implements CaseView {

    private final MongoOperations mongo;
    private final String collection;
    private final boolean perSetting;
    private final Function<CaseState, Map<LocalDate, Map<Counter, Long>>> contributions;

    /** @param contributions per day, per counter, what a case as it stands adds */
    protected CaseCountsView(MongoOperations mongo, String collection, boolean perSetting,
            Function<CaseState, Map<LocalDate, Map<Counter, Long>>> contributions) {
        this.mongo = mongo;
        this.collection = collection;
        this.perSetting = perSetting;
        this.contributions = contributions;
    }

    @Override
    public void apply(CaseChange change, Staged writes) {
        Map<String, Map<Counter, Long>> buckets = new HashMap<>();
        difference(contributions.apply(change.before()), contributions.apply(change.after()))
                .forEach((day, delta) -> Calendar.keysOf(day).forEach(period -> {
                    add(buckets, CountBucket.idOf(period, null), delta);
                    if (perSetting) {
                        add(buckets, CountBucket.idOf(period, change.after().settingId()), delta);
                    }
                }));
        buckets.forEach((id, delta) -> {
            int bar = id.indexOf('|');
            String period = bar < 0 ? id : id.substring(0, bar);
            String settingId = bar < 0 ? null : id.substring(bar + 1);
            writes.update(collection, id, CountBucket.class, () -> CountBucket.of(period, settingId),
                    bucket -> bucket.add(delta, change.position()));
        });
    }

    @Override
    public void reset() {
        mongo.dropCollection(collection);
    }

    private static void add(Map<String, Map<Counter, Long>> buckets, String id, Map<Counter, Long> delta) {
        Map<Counter, Long> counts = buckets.computeIfAbsent(id, key -> new HashMap<>());
        delta.forEach((counter, value) -> counts.merge(counter, value, Long::sum));
    }

    /** Per day, after minus before, without the counters that did not move. */
    static Map<LocalDate, Map<Counter, Long>> difference(Map<LocalDate, Map<Counter, Long>> before,
            Map<LocalDate, Map<Counter, Long>> after) {
        Set<LocalDate> days = new HashSet<>(before.keySet());
        days.addAll(after.keySet());
        Map<LocalDate, Map<Counter, Long>> delta = new HashMap<>();
        for (LocalDate day : days) {
            Map<Counter, Long> change = new HashMap<>(after.getOrDefault(day, Map.of()));
            before.getOrDefault(day, Map.of()).forEach((counter, value) -> change.merge(counter, -value, Long::sum));
            change.values().removeIf(value -> value == 0);
            if (!change.isEmpty()) {
                delta.put(day, change);
            }
        }
        return delta;
    }
}
