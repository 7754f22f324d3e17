package org.clw.ledger.query.statistics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;

/**
 * The counts of one day at one setting. A count's key is a metric ({@code referralsReceived}, {@code waitDays:12}),
 * optionally followed by one dimension of the case ({@code |route=GP}, {@code |need=DEBT}, the primary need).
 * {@code applied} remembers, per case, the sequence number of the last event whose change this bucket took in.
 */
class StatisticsBucket {

    @Id
    String id;
    String day;
    String settingId;
    long position = -1;
    TreeMap<String, Long> counts = new TreeMap<>();
    LinkedHashMap<String, Long> applied = new LinkedHashMap<>();

    static String idOf(LocalDate day, String settingId) {
        return day + "|" + settingId;
    }

    static StatisticsBucket of(LocalDate day, String settingId) {
        StatisticsBucket bucket = new StatisticsBucket();
        bucket.id = idOf(day, settingId);
        bucket.day = day.toString();
        bucket.settingId = settingId;
        return bucket;
    }

    void add(String key, long delta) {
        counts.merge(key, delta, Long::sum);
        if (counts.get(key) == 0) {
            counts.remove(key);
        }
    }
}
