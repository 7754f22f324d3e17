package org.clw.ledger.query.statistics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.clw.ledger.events.referral.CaseEvent;
import org.clw.ledger.query.projection.Positions;
import org.clw.ledger.query.projection.ProjectionBatch;
import org.clw.ledger.query.referral.CaseChanges;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/** The {@code statistics} read model: counts per day and setting, from which any period and grouping is summed. */
@Component
@ProcessingGroup(StatisticsProjection.GROUP)
class StatisticsProjection {

    static final String GROUP = "statistics";
    static final String COLLECTION = "statistics";
    static final String CASE_STATE = "statistics_case_state";

    private final MongoOperations mongo;

    StatisticsProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, TrackingToken token) {
        ProjectionBatch batch = ProjectionBatch.current(mongo);
        long position = Positions.of(token);
        CaseChanges.apply(batch, CASE_STATE, event, sequence, position).ifPresent(change -> {
            Map<String, Map<String, Long>> before = StatisticsContributions.of(change.before());
            Map<String, Map<String, Long>> after = StatisticsContributions.of(change.after());
            Set<String> bucketIds = new HashSet<>(before.keySet());
            bucketIds.addAll(after.keySet());
            for (String bucketId : bucketIds) {
                Map<String, Long> delta = difference(before.getOrDefault(bucketId, Map.of()),
                        after.getOrDefault(bucketId, Map.of()));
                if (delta.isEmpty()) {
                    continue;
                }
                StatisticsBucket bucket = batch.find(COLLECTION, bucketId, StatisticsBucket.class)
                        .orElseGet(() -> newBucket(bucketId));
                if (bucket.applied.getOrDefault(change.referralId(), -1L) < change.sequence()) {
                    delta.forEach(bucket::add);
                    bucket.applied.put(change.referralId(), change.sequence());
                    bucket.position = Math.max(bucket.position, position);
                    batch.save(COLLECTION, bucketId, bucket);
                }
            }
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
        mongo.dropCollection(CASE_STATE);
    }

    private static StatisticsBucket newBucket(String bucketId) {
        int separator = bucketId.indexOf('|');
        return StatisticsBucket.of(LocalDate.parse(bucketId.substring(0, separator)),
                bucketId.substring(separator + 1));
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>(after);
        before.forEach((key, value) -> delta.merge(key, -value, Long::sum));
        delta.values().removeIf(value -> value == 0);
        return delta;
    }
}
