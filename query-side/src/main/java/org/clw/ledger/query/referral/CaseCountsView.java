package org.clw.ledger.query.referral;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clw.ledger.query.projection.Calendar;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.projection.SettingCounts;
import org.clw.ledger.query.projection.Staged;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A read model of counts derived from cases (statistics, the timeline, uptake). A case, as it stands, contributes
 * counts to points in time (days, or months); each change of the case adds the difference between its contributions
 * before and after, so corrections, reallocations and reopenings move counts exactly. Each point's difference is
 * counted ({@link #count}) into the periods that cover it (a day's: its day, month and year, see {@link Calendar}),
 * for the whole programme, and where a view keeps them, in the case's setting's own buckets or in the period's table
 * of every setting ({@link SettingCounts}).
 *
 * @param <T> the points in time a case's contributions are kept by
 */
public abstract class CaseCountsView<T> implements CaseView {

    private final MongoOperations mongo;
    private final String collection;
    private final String tableCollection;
    private final Function<CaseState, Map<T, Map<Counter, Long>>> contributions;

    /**
     * @param tableCollection where the periods' tables of every setting's counts are kept, or null if not kept
     * @param contributions   per point in time, per counter, what a case as it stands adds
     */
    protected CaseCountsView(MongoOperations mongo, String collection, String tableCollection,
            Function<CaseState, Map<T, Map<Counter, Long>>> contributions) {
        this.mongo = mongo;
        this.collection = collection;
        this.tableCollection = tableCollection;
        this.contributions = contributions;
    }

    /** Counts one point in time's difference into the documents that keep it. */
    protected abstract void count(T point, Map<Counter, Long> delta, Tally tally);

    private record Bucket(String period, String settingId) {
    }

    /** The differences one change of a case makes, per document, gathered before they are staged. */
    protected static final class Tally {

        private final String settingId;
        private final Map<Bucket, Map<Counter, Long>> buckets = new HashMap<>();
        private final Map<String, Map<Counter, Long>> tables = new HashMap<>();

        private Tally(String settingId) {
            this.settingId = settingId;
        }

        /** Into the whole programme's bucket of the period. */
        public void programme(String period, Map<Counter, Long> delta) {
            add(buckets, new Bucket(period, null), delta);
        }

        /** Into the case's setting's own bucket of the period. */
        public void setting(String period, Map<Counter, Long> delta) {
            add(buckets, new Bucket(period, settingId), delta);
        }

        /** Into the period's table of every setting's counts, under the case's setting. */
        public void table(String period, Map<Counter, Long> delta) {
            add(tables, period, delta);
        }
    }

    @Override
    public void apply(CaseChange change, Staged writes) {
        Tally tally = new Tally(change.after().settingId());
        difference(contributions.apply(change.before()), contributions.apply(change.after()))
                .forEach((point, delta) -> count(point, delta, tally));
        tally.buckets.forEach((bucket, delta) -> writes.update(collection,
                CountBucket.idOf(bucket.period(), bucket.settingId()), CountBucket.class,
                () -> CountBucket.of(bucket.period(), bucket.settingId()),
                document -> document.add(delta, change.position())));
        tally.tables.forEach((period, delta) -> writes.update(tableCollection, period, SettingCounts.class,
                () -> SettingCounts.of(period), table -> table.add(tally.settingId, delta, change.position())));
    }

    @Override
    public void reset() {
        mongo.dropCollection(collection);
        if (tableCollection != null) {
            mongo.dropCollection(tableCollection);
        }
    }

    private static <K> void add(Map<K, Map<Counter, Long>> documents, K document, Map<Counter, Long> delta) {
        if (delta.isEmpty()) {
            return;
        }
        Map<Counter, Long> counts = documents.computeIfAbsent(document, key -> new HashMap<>());
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
