package org.clw.ledger.query.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.projection.Calendar;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.setting.SettingView;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Sums of the statistics buckets, fetched by id: the one way any endpoint computes statistics. A period is covered by
 * whole years, whole months and single days, so a year costs one document per setting asked for (one for the whole
 * programme), however many years are stored.
 */
@Component
public class StatisticsQueries {

    private static final int IDS_PER_QUERY = 1000;

    private final MongoOperations mongo;

    StatisticsQueries(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The statistics of the days {@code from} to {@code to}, both inclusive, at the settings chosen. */
    public StatisticsReport report(LocalDate from, LocalDate to, SettingId setting, Hscp hscp) {
        Collection<String> scope = setting == null && hscp == null ? null : settings(setting, hscp).keySet();
        return StatisticsReport.of(sum(buckets(Calendar.cover(from, to), scope).values()));
    }

    /** The settings of the programme, or just the one given, or those of one HSCP. */
    public Map<String, SettingView> settings(SettingId setting, Hscp hscp) {
        Query query = new Query();
        if (setting != null) {
            query.addCriteria(Criteria.where("_id").is(setting.value()));
        }
        if (hscp != null) {
            query.addCriteria(Criteria.where("hscp").is(hscp));
        }
        return mongo.find(query, SettingView.class, SettingView.COLLECTION).stream()
                .collect(Collectors.toMap(SettingView::settingId, Function.identity()));
    }

    /** The buckets of the periods, by id: the whole programme's when {@code settingIds} is null, else each setting's. */
    Map<String, CountBucket> buckets(Collection<String> periods, Collection<String> settingIds) {
        List<String> ids = new ArrayList<>();
        for (String period : periods) {
            if (settingIds == null) {
                ids.add(CountBucket.idOf(period, null));
            } else {
                settingIds.forEach(settingId -> ids.add(CountBucket.idOf(period, settingId)));
            }
        }
        Map<String, CountBucket> buckets = new HashMap<>();
        for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY));
            mongo.find(Query.query(Criteria.where("_id").in(chunk)), CountBucket.class,
                    StatisticsProjection.COLLECTION).forEach(bucket -> buckets.put(bucket.id(), bucket));
        }
        return buckets;
    }

    static Map<Counter, Long> sum(Collection<CountBucket> buckets) {
        Map<Counter, Long> counts = new HashMap<>();
        buckets.forEach(bucket -> bucket.counts().forEach((counter, value) -> counts.merge(counter, value, Long::sum)));
        return counts;
    }
}
