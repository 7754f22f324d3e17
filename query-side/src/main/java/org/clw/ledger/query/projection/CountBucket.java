package org.clw.ledger.query.projection;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;

/**
 * Counts for one calendar period (see {@link Calendar}), at one setting or for the whole programme. Written only
 * through a {@link ProjectionBatch}, whose flushes are all or nothing, so a count is never taken in twice.
 */
public class CountBucket {

    @Id
    String id;
    String period;
    String settingId;
    long position = -1;
    TreeMap<String, Long> counts = new TreeMap<>();

    /** {@code period|setting}, or {@code period} for a programme-wide bucket. */
    public static String idOf(String period, String settingId) {
        return settingId == null ? period : period + "|" + settingId;
    }

    public static CountBucket of(String period, String settingId) {
        CountBucket bucket = new CountBucket();
        bucket.id = idOf(period, settingId);
        bucket.period = period;
        bucket.settingId = settingId;
        return bucket;
    }

    public String id() {
        return id;
    }

    public String settingId() {
        return settingId;
    }

    /** The counts by what they count. */
    public Map<Counter, Long> counts() {
        Map<Counter, Long> typed = new HashMap<>();
        counts.forEach((key, value) -> typed.put(Counter.parse(key), value));
        return typed;
    }

    /**
     * Adds a change of counts read at stream {@code eventPosition}.
     *
     * @return whether the bucket changed
     */
    public boolean add(Map<Counter, Long> delta, long eventPosition) {
        boolean changed = false;
        for (Map.Entry<Counter, Long> entry : delta.entrySet()) {
            if (entry.getValue() != 0) {
                String key = entry.getKey().key();
                if (counts.merge(key, entry.getValue(), Long::sum) == 0) {
                    counts.remove(key);
                }
                changed = true;
            }
        }
        position = Math.max(position, eventPosition);
        return changed;
    }
}
