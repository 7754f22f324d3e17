package org.clw.ledger.query.uptake;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.uptake.UptakeCount.Subject;

/**
 * The uptake counts of one subject (a service, an organisation, a need outside the directory) over a period, exact.
 * {@code outcomes} is always {@code takenUp + notTakenUp}; for services and organisations the needs add up to
 * {@code made}.
 */
record Tally(long made, long outcomes, long takenUp, long notTakenUp, Map<Need, Long> needs) {

    static final Tally NONE = new Tally(0, 0, 0, 0, Map.of());

    /** Each subject's tally among summed counts, by its id. */
    static Map<String, Tally> of(Map<Counter, Long> counts, Subject subject) {
        Map<String, Map<UptakeCount, Long>> plain = new HashMap<>();
        Map<String, Map<Need, Long>> needs = new HashMap<>();
        counts.forEach((counter, value) -> {
            if (subject != Subject.of(counter) || value == 0) {
                return;
            }
            UptakeCount count = UptakeCount.of(counter);
            if (count == UptakeCount.NEED) {
                needs.computeIfAbsent(counter.value(), id -> new EnumMap<>(Need.class))
                        .merge(Need.valueOf(counter.detail()), value, Long::sum);
            } else {
                plain.computeIfAbsent(counter.value(), id -> new EnumMap<>(UptakeCount.class))
                        .merge(count, value, Long::sum);
            }
        });
        Map<String, Tally> tallies = new HashMap<>();
        plain.forEach((id, values) -> tallies.put(id, new Tally(values.getOrDefault(UptakeCount.MADE, 0L),
                values.getOrDefault(UptakeCount.OUTCOMES, 0L), values.getOrDefault(UptakeCount.TAKEN_UP, 0L),
                values.getOrDefault(UptakeCount.NOT_TAKEN_UP, 0L), needs.getOrDefault(id, Map.of()))));
        return tallies;
    }

    /** This tally and another together. */
    Tally plus(Tally other) {
        Map<Need, Long> together = new EnumMap<>(Need.class);
        needs.forEach((need, value) -> together.merge(need, value, Long::sum));
        other.needs.forEach((need, value) -> together.merge(need, value, Long::sum));
        return new Tally(made + other.made, outcomes + other.outcomes, takenUp + other.takenUp,
                notTakenUp + other.notTakenUp, together);
    }
}
