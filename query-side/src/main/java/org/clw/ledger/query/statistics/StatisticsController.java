package org.clw.ledger.query.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.clw.ledger.api.InvalidParameter;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.setting.SettingView;
import org.clw.ledger.query.web.Periods;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics for a period ({@code from} and {@code to} are days, both inclusive), optionally for one setting or one
 * HSCP, as totals or as a series per week, month or quarter. Summed in Java from the day-and-setting buckets,
 * fetched by id.
 */
@RestController
@RequestMapping("/api/statistics")
class StatisticsController {

    private static final String ALL = "all";

    private final StatisticsQueries queries;

    StatisticsController(StatisticsQueries queries) {
        this.queries = queries;
    }

    record Totals(LocalDate from, LocalDate to, String setting, Hscp hscp, StatisticsReport statistics,
                  Map<String, Long> referralsReceivedByRoute, Map<String, Long> referralsReceivedByNeed) {
    }

    record Period(String period, LocalDate from, LocalDate to, Map<String, StatisticsReport> groups) {
    }

    record Series(LocalDate from, LocalDate to, String interval, String groupBy, List<Period> periods) {
    }

    @GetMapping
    Totals totals(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) SettingId setting,
            @RequestParam(required = false) Hscp hscp) {
        Periods.require(from, to, Periods.LONGEST);
        Map<String, Long> counts = StatisticsQueries.sum(queries.buckets(from, to,
                queries.settings(setting, hscp).keySet()));
        return new Totals(from, to, setting == null ? null : setting.value(), hscp, StatisticsReport.of(counts),
                dimension(counts, Metric.RECEIVED + Metric.ROUTE), dimension(counts, Metric.RECEIVED + Metric.NEED));
    }

    @GetMapping("/series")
    Series series(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "month") String interval,
            @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) SettingId setting,
            @RequestParam(required = false) Hscp hscp) {
        Periods.require(from, to, Periods.LONGEST);
        Interval cut = Interval.parse(interval);
        GroupBy grouping = groupBy == null ? null : parse(GroupBy.class, "groupBy", groupBy);
        Map<String, SettingView> settings = queries.settings(setting, hscp);
        Map<LocalDate, List<CountBucket>> byPeriodStart = queries.buckets(from, to, settings.keySet()).stream()
                .collect(Collectors.groupingBy(bucket -> cut.startOf(bucket.day())));
        List<Period> periods = new ArrayList<>();
        for (LocalDate start = cut.startOf(from); !start.isAfter(to); start = cut.nextStart(start)) {
            LocalDate periodFrom = start.isBefore(from) ? from : start;
            LocalDate periodTo = cut.nextStart(start).minusDays(1);
            periodTo = periodTo.isAfter(to) ? to : periodTo;
            Map<String, Map<String, Long>> groups = new TreeMap<>();
            for (CountBucket bucket : byPeriodStart.getOrDefault(start, List.of())) {
                addToGroups(groups, bucket, grouping, settings);
            }
            Map<String, StatisticsReport> reports = new TreeMap<>();
            groups.forEach((group, counts) -> reports.put(group, StatisticsReport.of(counts)));
            periods.add(new Period(cut.label(start), periodFrom, periodTo, reports));
        }
        return new Series(from, to, cut.name().toLowerCase(Locale.ROOT),
                grouping == null ? null : grouping.name().toLowerCase(Locale.ROOT), periods);
    }

    /** Plain counts go to the bucket's setting or HSCP; need and route groups come from the dimension keys. */
    private static void addToGroups(Map<String, Map<String, Long>> groups, CountBucket bucket,
            GroupBy grouping, Map<String, SettingView> settings) {
        bucket.counts().forEach((key, value) -> {
            int dimension = key.indexOf('|');
            String group;
            String metric = dimension < 0 ? key : key.substring(0, dimension);
            if (grouping == GroupBy.NEED || grouping == GroupBy.ROUTE) {
                String prefix = grouping == GroupBy.NEED ? Metric.NEED : Metric.ROUTE;
                if (dimension < 0 || !key.startsWith(prefix, dimension)) {
                    return;
                }
                group = key.substring(dimension + prefix.length());
            } else if (dimension >= 0) {
                return;
            } else if (grouping == GroupBy.SETTING) {
                group = bucket.settingId();
            } else if (grouping == GroupBy.HSCP) {
                group = String.valueOf(settings.get(bucket.settingId()).hscp());
            } else {
                group = ALL;
            }
            groups.computeIfAbsent(group, name -> new HashMap<>()).merge(metric, value, Long::sum);
        });
    }

    private static Map<String, Long> dimension(Map<String, Long> counts, String prefix) {
        Map<String, Long> values = new TreeMap<>();
        counts.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                values.put(key.substring(prefix.length()), value);
            }
        });
        return values;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParameter(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
