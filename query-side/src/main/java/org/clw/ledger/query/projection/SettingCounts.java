package org.clw.ledger.query.projection;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;

/**
 * Every setting's counts for one calendar period (see {@link Calendar}), in one document: a question about many
 * settings (a series by setting, an HSCP's year) reads one document per period, not one per period and setting.
 * Written only through a {@link ProjectionBatch}, whose flushes are all or nothing, as {@link CountBucket}s are.
 */
public class SettingCounts {

    @Id
    String id;
    long position = -1;
    /** By setting id, the counts by {@link Counter#key()}. */
    TreeMap<String, TreeMap<String, Long>> settings = new TreeMap<>();

    public static SettingCounts of(String period) {
        SettingCounts table = new SettingCounts();
        table.id = period;
        return table;
    }

    /** The period's key, which is the document's id. */
    public String period() {
        return id;
    }

    /** The settings with counts in the period. */
    public Set<String> settingIds() {
        return settings.keySet();
    }

    /** One setting's counts by what they count; empty when it has none. */
    public Map<Counter, Long> counts(String settingId) {
        Map<Counter, Long> typed = new HashMap<>();
        settings.getOrDefault(settingId, new TreeMap<>()).forEach((key, value) -> typed.put(Counter.parse(key), value));
        return typed;
    }

    /**
     * Adds a change of one setting's counts read at stream {@code eventPosition}.
     *
     * @return whether the document changed
     */
    public boolean add(String settingId, Map<Counter, Long> delta, long eventPosition) {
        boolean changed = false;
        TreeMap<String, Long> counts = settings.computeIfAbsent(settingId, setting -> new TreeMap<>());
        for (Map.Entry<Counter, Long> entry : delta.entrySet()) {
            if (entry.getValue() != 0) {
                String key = entry.getKey().key();
                if (counts.merge(key, entry.getValue(), Long::sum) == 0) {
                    counts.remove(key);
                }
                changed = true;
            }
        }
        if (counts.isEmpty()) {
            settings.remove(settingId);
        }
        position = Math.max(position, eventPosition);
        return changed;
    }
}
