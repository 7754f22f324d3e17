package org.clw.ledger.query.projection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clw.ledger.query.referral.CaseChanges;
import org.clw.ledger.query.referral.CaseSummary;

/**
 * Read models of counts derived from cases: a case, as it stands, contributes counts to day buckets; each change of
 * the case applies the difference between its contributions before and after, so corrections, reallocations and
 * reopenings move counts exactly.
 */
public final class CountBuckets {

    private CountBuckets() {
    }

    /** @param contributions per bucket id, per count key, what a case as it stands adds */
    public static void apply(ProjectionBatch batch, String collection, CaseChanges.Change change, long position,
            Function<CaseSummary, Map<String, Map<String, Long>>> contributions) {
        Map<String, Map<String, Long>> before = contributions.apply(change.before());
        Map<String, Map<String, Long>> after = contributions.apply(change.after());
        Set<String> bucketIds = new HashSet<>(before.keySet());
        bucketIds.addAll(after.keySet());
        for (String bucketId : bucketIds) {
            Map<String, Long> delta = difference(before.getOrDefault(bucketId, Map.of()),
                    after.getOrDefault(bucketId, Map.of()));
            if (delta.isEmpty()) {
                continue;
            }
            CountBucket bucket = batch.find(collection, bucketId, CountBucket.class)
                    .orElseGet(() -> CountBucket.of(bucketId));
            if (bucket.applied.getOrDefault(change.referralId(), -1L) < change.sequence()) {
                delta.forEach(bucket::add);
                bucket.applied.put(change.referralId(), change.sequence());
                bucket.position = Math.max(bucket.position, position);
                batch.save(collection, bucketId, bucket);
            }
        }
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>(after);
        before.forEach((key, value) -> delta.merge(key, -value, Long::sum));
        delta.values().removeIf(value -> value == 0);
        return delta;
    }
}
