package org.clw.ledger.query.referral;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clw.ledger.query.projection.Calendar;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.projection.Staged;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A read model of counts derived from cases (statistics, the timeline, uptake). A case, as it stands, contributes
 * counts to points in time (days, or months); each change of the case adds the difference between its contributions
 * before and after, so corrections, reallocations and reopenings move counts exactly. Each point's difference goes
 * into the programme-wide buckets of the periods that cover it (a day's: its day, month and year, see
 * {@link Calendar}), and, when kept per setting, into the case's setting's as well.
 *
 * @param <T> the points in time a case's contributions are kept by
 */
public abstract class CaseCountsView<T> implements CaseView {

    private final MongoOperations mongo;
    private final String collection;
    private final boolean perSetting;
    private final Function<CaseState, Map<T, Map<Counter, Long>>> contributions;
    private final Function<T, List<String>> periodsOf;

    /**
     * @param contributions per point in time, per counter, what a case as it stands adds
     * @param periodsOf     the keys of the periods a point in time counts in
     */
    protected CaseCountsView(MongoOperations mongo, String collection, boolean perSetting,
            Function<CaseState, Map<T, Map<Counter, Long>>> contributions, Function<T, List<String>> periodsOf) {
        this.mongo = mongo;
        this.collection = collection;
        this.perSetting = perSetting;
        this.contributions = contributions;
        this.periodsOf = periodsOf;
    }

    private record Bucket(String period, String settingId) {
    }

    @Override
    public void apply(CaseChange change, Staged writes) {
        Map<Bucket, Map<Counter, Long>> buckets = new HashMap<>();
        difference(contributions.apply(change.before()), contributions.apply(change.after()))
                .forEach((point, delta) -> periodsOf.apply(point).forEach(period -> {
                    add(buckets, new Bucket(period, null), delta);
                    if (perSetting) {
                        add(buckets, new Bucket(period, change.after().settingId()), delta);
                    }
                }));
        buckets.forEach((bucket, delta) -> writes.update(collection,
                CountBucket.idOf(bucket.period(), bucket.settingId()), CountBucket.class,
                () -> CountBucket.of(bucket.period(), bucket.settingId()),
                document -> document.add(delta, change.position())));
    }

    @Override
    public void reset() {
        mongo.dropCollection(collection);
    }

    private static void add(Map<Bucket, Map<Counter, Long>> buckets, Bucket bucket, Map<Counter, Long> delta) {
        Map<Counter, Long> counts = buckets.computeIfAbsent(bucket, key -> new HashMap<>());
        delta.forEach((counter, value) -> counts.merge(counter, value, Long::sum));
    }

    /** Per point in time, after minus before, without the counters that did not move. */
    public static <T> Map<T, Map<Counter, Long>> difference(Map<T, Map<Counter, Long>> before,
            Map<T, Map<Counter, Long>> after) {
        Set<T> points = new HashSet<>(before.keySet());
        points.addAll(after.keySet());
        Map<T, Map<Counter, Long>> delta = new HashMap<>();
        for (T point : points) {
            Map<Counter, Long> change = new HashMap<>(after.getOrDefault(point, Map.of()));
            before.getOrDefault(point, Map.of()).forEach((counter, value) -> change.merge(counter, -value,
                    Long::sum));
            change.values().removeIf(value -> value == 0);
            if (!change.isEmpty()) {
                delta.put(point, change);
            }
        }
        return delta;
    }
}
