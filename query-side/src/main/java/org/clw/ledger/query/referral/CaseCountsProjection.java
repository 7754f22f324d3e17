package org.clw.ledger.query.referral;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A read model of day buckets of counts derived from cases (statistics, the timeline). A case, as it stands,
 * contributes counts to buckets; each change of the case applies the difference between its contributions before
 * and after, so corrections, reallocations and reopenings move counts exactly. A bucket remembers per case the last
 * sequence number it took in, which makes re-delivery harmless without transactions.
 */
public abstract class CaseCountsProjection {

    private final MongoOperations mongo;
    private final String collection;
    private final String caseState;
    private final Function<CaseSummary, Map<String, Map<String, Long>>> contributions;

    /** @param contributions per bucket id, per count key, what a case as it stands adds */
    protected CaseCountsProjection(MongoOperations mongo, String collection,
            Function<CaseSummary, Map<String, Map<String, Long>>> contributions) {
        this.mongo = mongo;
        this.collection = collection;
        this.caseState = collection + "_case_state";
        this.contributions = contributions;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, TrackingToken token) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        long position = Positions.of(token);
        CaseChanges.apply(batch, caseState, event, sequence, position)
                .ifPresent(change -> applyChange(batch, change, position));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(collection);
        mongo.dropCollection(caseState);
    }

    private void applyChange(ProjectionBatch batch, CaseChanges.Change change, long position) {
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
            if (bucket.take(change.referralId(), change.sequence(), delta, position)) {
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
