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
import org.clw.ledger.query.projection.SettingCounts;
import org.clw.ledger.query.setting.SettingView;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Sums of the statistics documents, fetched by id: the one way any endpoint computes statistics. A period is covered
 * by whole years, whole months and single days, so a year costs one document, for the whole programme or for any
 * settings asked for (their table, {@link SettingCounts}), however many years are stored; everything up to a day costs
 * at most twelve running totals more ({@link Calendar#upTo}).
 */
@Component
public class StatisticsQueries {

    private static final int IDS_PER_QUERY = 1000;

    private final MongoOperations mongo;

    StatisticsQueries(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The statistics of the days {@code from} to {@code to} at these settings, or the whole programme's if null. */
    public StatisticsReport report(LocalDate from, LocalDate to, Collection<String> settingIds) {
        return StatisticsReport.of(counts(Calendar.cover(from, to), settingIds));
    }

    /** The whole programme's statistics of every day up to {@code day}, inclusive. */
    public StatisticsReport reportUpTo(LocalDate day) {
        return StatisticsReport.of(sum(buckets(Calendar.upTo(day), null).values()));
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

    /**
     * The plain counts of the periods and the referrals received by route and need: the whole programme's, or the
     * sum of these settings' rows of the periods' tables.
     */
    Map<Counter, Long> counts(Collection<String> periods, Collection<String> settingIds) {
        if (settingIds == null) {
            return sum(buckets(periods, null).values());
        }
        Map<Counter, Long> counts = new HashMap<>();
        tables(periods).values().forEach(table -> settingIds.forEach(settingId -> table.counts(settingId)
                .forEach((counter, value) -> counts.merge(counter, value, Long::sum))));
        return counts;
    }

    /**
     * The count buckets of the periods, by id: the whole programme's when {@code settingIds} is null, else each
     * setting's own (which hold only its counts split by route and need).
     */
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
        find(ids, CountBucket.class, StatisticsProjection.COLLECTION).forEach(bucket -> buckets.put(bucket.id(),
                bucket));
        return buckets;
    }

    /** The periods' tables of every setting's counts, by period. */
    Map<String, SettingCounts> tables(Collection<String> periods) {
        Map<String, SettingCounts> tables = new HashMap<>();
        find(List.copyOf(periods), SettingCounts.class, StatisticsProjection.BY_SETTING)
                .forEach(table -> tables.put(table.period(), table));
        return tables;
    }

    private <D> List<D> find(List<String> ids, Class<D> type, String collection) {
        List<D> found = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY));
            found.addAll(mongo.find(Query.query(Criteria.where("_id").in(chunk)), type, collection));
        }
        return found;
    }

    static Map<Counter, Long> sum(Collection<CountBucket> buckets) {
        Map<Counter, Long> counts = new HashMap<>();
        buckets.forEach(bucket -> bucket.counts().forEach((counter, value) -> counts.merge(counter, value, Long::sum)));
        return counts;
    }
}
