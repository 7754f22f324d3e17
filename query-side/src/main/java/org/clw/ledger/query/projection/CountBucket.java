package org.clw.ledger.query.projection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;

/**
 * Counts for one day, at one setting or for the whole programme. A count's key is a metric ({@code
 * referralsReceived}, {@code waitDays:12}), optionally followed by one dimension ({@code |route=GP}, {@code
 * |need=DEBT}). {@code applied} remembers, per case, the sequence number of the last event whose change this bucket
 * took in, which makes re-delivery harmless without transactions.
 */
public class CountBucket {

    @Id
    String id;
    String day;
    String settingId;
    long position = -1;
    TreeMap<String, Long> counts = new TreeMap<>();
    LinkedHashMap<String, Long> applied = new LinkedHashMap<>();

    /** {@code day|setting}, or {@code day} for a programme-wide bucket. */
    public static String idOf(LocalDate day, String settingId) {
        return settingId == null ? day.toString() : day + "|" + settingId;
    }

    public static CountBucket of(String id) {
        CountBucket bucket = new CountBucket();
        int separator = id.indexOf('|');
        bucket.id = id;
        bucket.day = separator < 0 ? id : id.substring(0, separator);
        bucket.settingId = separator < 0 ? null : id.substring(separator + 1);
        return bucket;
    }

    public LocalDate day() {
        return LocalDate.parse(day);
    }

    public String settingId() {
        return settingId;
    }

    public TreeMap<String, Long> counts() {
        return counts;
    }

    /**
     * Adds a case's change unless this bucket already took in that case's event {@code sequence}.
     *
     * @return whether the bucket changed
     */
    public boolean take(String referralId, long sequence, Map<String, Long> delta, long eventPosition) {
        if (applied.getOrDefault(referralId, -1L) >= sequence) {
            return false;
        }
        delta.forEach((key, value) -> {
            counts.merge(key, value, Long::sum);
            if (counts.get(key) == 0) {
                counts.remove(key);
            }
        });
        applied.put(referralId, sequence);
        position = Math.max(position, eventPosition);
        return true;
    }
}
