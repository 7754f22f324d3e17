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
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.setting.SettingView;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Sums of the statistics buckets, fetched by id: the one way any endpoint computes statistics. */
@Component
public class StatisticsQueries {

    private static final int IDS_PER_QUERY = 1000;

    private final MongoOperations mongo;

    StatisticsQueries(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The statistics of the days {@code from} to {@code to}, both inclusive, at the settings chosen. */
    public StatisticsReport report(LocalDate from, LocalDate to, SettingId setting, Hscp hscp) {
        return StatisticsReport.of(sum(buckets(from, to, settings(setting, hscp).keySet())));
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

    List<CountBucket> buckets(LocalDate from, LocalDate to, Collection<String> settingIds) {
        List<String> ids = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (String settingId : settingIds) {
                ids.add(CountBucket.idOf(day, settingId));
            }
        }
        List<CountBucket> buckets = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY));
            buckets.addAll(mongo.find(Query.query(Criteria.where("_id").in(chunk)), CountBucket.class,
                    StatisticsProjection.COLLECTION));
        }
        return buckets;
    }

    static Map<String, Long> sum(List<CountBucket> buckets) {
        Map<String, Long> counts = new HashMap<>();
        buckets.forEach(bucket -> bucket.counts().forEach((key, value) -> counts.merge(key, value, Long::sum)));
        return counts;
    }
}
