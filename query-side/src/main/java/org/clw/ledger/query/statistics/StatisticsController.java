package org.clw.ledger.query.statistics;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.clw.ledger.api.InvalidParameter;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.export.Csv;
import org.clw.ledger.query.projection.Calendar;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.projection.SettingCounts;
import org.clw.ledger.query.setting.SettingView;
import org.clw.ledger.query.web.Periods;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics for a period ({@code from} and {@code to} are days, both inclusive), optionally for one setting or one
 * HSCP, as totals or as a series per week, month or quarter. Summed in Java from the year, month and day documents that
 * cover the period, fetched by id (see {@link StatisticsProjection}): the whole programme's, or the periods' tables of
 * every setting for the settings chosen, or, split by need or route within settings, each chosen setting's own.
 * Published exactly or under disclosure control, by the caller ({@link StatisticsDisclosure}): {@code suppressedBelow}
 * says which.
 */
@RestController
@RequestMapping("/api/statistics")
class StatisticsController {

    private static final String ALL = "all";
    /** How a spreadsheet shows a figure withheld by disclosure control (the GSS convention for confidential). */
    static final String WITHHELD = "[c]";

    private final StatisticsQueries queries;
    private final Periods periods;
    private final StatisticsDisclosure disclosure;

    StatisticsController(StatisticsQueries queries, Periods periods, StatisticsDisclosure disclosure) {
        this.queries = queries;
        this.periods = periods;
        this.disclosure = disclosure;
    }

    /** @param suppressed the withheld counts of the two splits (the report lists its own) */
    record Totals(LocalDate from, LocalDate to, String setting, Hscp hscp, Integer suppressedBelow,
                  StatisticsReport statistics, Map<String, Long> referralsReceivedByRoute,
                  Map<String, Long> referralsReceivedByNeed, List<String> suppressed) {
    }

    record Period(String period, LocalDate from, LocalDate to, Map<String, StatisticsReport> groups) {
    }

    /** @param totals each group over the whole period */
    record Series(LocalDate from, LocalDate to, String interval, String groupBy, Integer suppressedBelow,
                  List<Period> periods, Map<String, StatisticsReport> totals) {
    }

    @GetMapping
    Totals totals(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) SettingId setting,
            @RequestParam(required = false) Hscp hscp) {
        periods.requirePeriod(from, to);
        Collection<String> scope = setting == null && hscp == null ? null : queries.settings(setting, hscp).keySet();
        Map<Counter, Long> counts = queries.counts(Calendar.cover(from, to), scope);
        StatisticsDisclosure.Publication publication = disclosure.forCaller(scope);
        StatisticsDisclosure.Totals published = publication.totals(StatisticsReport.of(counts),
                received(counts, Metric.ROUTE), received(counts, Metric.NEED));
        return new Totals(from, to, setting == null ? null : setting.value(), hscp, publication.suppressedBelow(),
                published.report(), published.byRoute(), published.byNeed(), published.suppressed());
    }

    @GetMapping("/series")
    Series series(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "month") String interval,
            @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) SettingId setting,
            @RequestParam(required = false) Hscp hscp) {
        periods.requirePeriod(from, to);
        Interval cut = Interval.parse(interval);
        GroupBy grouping = groupBy == null ? null : parse(GroupBy.class, "groupBy", groupBy);
        boolean perSetting = setting != null || hscp != null || grouping == GroupBy.SETTING
                || grouping == GroupBy.HSCP;
        Map<String, SettingView> settings = perSetting ? queries.settings(setting, hscp) : Map.of();
        Map<LocalDate, List<String>> covers = new LinkedHashMap<>();
        for (LocalDate start = cut.startOf(from); !start.isAfter(to); start = cut.nextStart(start)) {
            LocalDate periodFrom = start.isBefore(from) ? from : start;
            LocalDate periodTo = cut.nextStart(start).minusDays(1);
            covers.put(start, Calendar.cover(periodFrom, periodTo.isAfter(to) ? to : periodTo));
        }
        Counts read = counts(covers.values().stream().flatMap(List::stream).toList(), grouping,
                perSetting ? settings.keySet() : null);
        List<Map<String, StatisticsReport>> reports = new ArrayList<>();
        Map<String, Map<Counter, Long>> wholePeriod = new TreeMap<>();
        covers.forEach((start, cover) -> {
            Map<String, Map<Counter, Long>> groups = new TreeMap<>();
            for (String period : cover) {
                read.of(period).forEach((settingId, periodCounts) -> addToGroups(groups, settingId, periodCounts,
                        grouping, settings));
            }
            Map<String, StatisticsReport> periodReports = new TreeMap<>();
            groups.forEach((group, groupCounts) -> {
                periodReports.put(group, StatisticsReport.of(groupCounts));
                groupCounts.forEach((counter, value) -> wholePeriod.computeIfAbsent(group, name -> new HashMap<>())
                        .merge(counter, value, Long::sum));
            });
            reports.add(periodReports);
        });
        Map<String, StatisticsReport> totals = new TreeMap<>();
        wholePeriod.forEach((group, counts) -> totals.put(group, StatisticsReport.of(counts)));
        StatisticsDisclosure.Publication publication = disclosure.forCaller(perSetting ? settings.keySet() : null);
        ReportTables.Series published = publication.series(reports, totals);
        List<Period> periods = new ArrayList<>();
        int index = 0;
        for (LocalDate start : covers.keySet()) {
            LocalDate periodFrom = start.isBefore(from) ? from : start;
            LocalDate periodTo = cut.nextStart(start).minusDays(1);
            periods.add(new Period(cut.label(start), periodFrom, periodTo.isAfter(to) ? to : periodTo,
                    published.periods().get(index++)));
        }
        return new Series(from, to, cut.name().toLowerCase(Locale.ROOT),
                grouping == null ? null : grouping.name().toLowerCase(Locale.ROOT), publication.suppressedBelow(),
                periods, published.totals());
    }

    /**
     * The series as a spreadsheet: a row per period and group, then a row per group for the whole period; withheld
     * figures are {@value #WITHHELD}. Small (at most a row per week and setting over five years), so built whole.
     */
    @GetMapping("/series.csv")
    ResponseEntity<String> seriesCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "month") String interval,
            @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) SettingId setting,
            @RequestParam(required = false) Hscp hscp) throws IOException {
        Series series = series(from, to, interval, groupBy, setting, hscp);
        StringWriter out = new StringWriter();
        Csv.row(out, List.of("period", "from", "to", "group", "referrals_received", "referrals_accepted",
                "referrals_declined", "appointments_booked", "appointments_attended", "appointments_missed",
                "appointments_cancelled", "dna_rate", "cases_first_attended", "median_days_to_first_attended",
                "closures", "closures_with_3_plus_attended", "onward_referrals_made", "onward_taken_up",
                "onward_not_taken_up", "uptake"));
        for (Period period : series.periods()) {
            for (Map.Entry<String, StatisticsReport> group : period.groups().entrySet()) {
                Csv.row(out, csvRow(period.period(), period.from(), period.to(), group.getKey(), group.getValue()));
            }
        }
        for (Map.Entry<String, StatisticsReport> group : series.totals().entrySet()) {
            Csv.row(out, csvRow("all", from, to, group.getKey(), group.getValue()));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistics.csv\"")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(out.toString());
    }

    private static List<Object> csvRow(String period, LocalDate from, LocalDate to, String group,
            StatisticsReport report) {
        List<Object> row = new ArrayList<>(List.of(period, from, to, group));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("referrals.received", report.referrals().received());
        figures.put("referrals.accepted", report.referrals().accepted());
        figures.put("referrals.declined", report.referrals().declined());
        figures.put("appointments.booked", report.appointments().booked());
        figures.put("appointments.attended", report.appointments().attended());
        figures.put("appointments.missed", report.appointments().missed());
        figures.put("appointments.cancelled", report.appointments().cancelled());
        figures.put("appointments.dnaRate", report.appointments().dnaRate());
        figures.put("daysToFirstAttendedAppointment.cases", report.daysToFirstAttendedAppointment().cases());
        figures.put("daysToFirstAttendedAppointment.median", report.daysToFirstAttendedAppointment().median());
        figures.put(StatisticsReport.CLOSURES, report.closures().total());
        figures.put("closures.withThreeOrMoreAttended", report.closures().withThreeOrMoreAttended());
        figures.put("onwardReferrals.made", report.onwardReferrals().made());
        figures.put("onwardReferrals.takenUp", report.onwardReferrals().takenUp());
        figures.put("onwardReferrals.notTakenUp", report.onwardReferrals().notTakenUp());
        figures.put("onwardReferrals.uptake", report.onwardReferrals().uptake());
        figures.forEach((path, value) -> row.add(report.suppressed().contains(path) ? WITHHELD : value));
        return row;
    }

    /** A period's counts by setting (a null setting: the whole programme's). */
    @FunctionalInterface
    private interface Counts {
        Map<String, Map<Counter, Long>> of(String period);
    }

    /**
     * The documents a series reads: the programme's buckets; or, for the settings in {@code scope}, the periods'
     * tables of every setting, or each setting's own buckets when the series splits them by need or route.
     */
    private Counts counts(List<String> periods, GroupBy grouping, Collection<String> scope) {
        if (scope == null) {
            Map<String, CountBucket> buckets = queries.buckets(periods, null);
            return period -> {
                CountBucket bucket = buckets.get(CountBucket.idOf(period, null));
                Map<String, Map<Counter, Long>> bySetting = new HashMap<>();
                if (bucket != null) {
                    bySetting.put(null, bucket.counts());
                }
                return bySetting;
            };
        }
        if (grouping == GroupBy.NEED || grouping == GroupBy.ROUTE) {
            Map<String, CountBucket> buckets = queries.buckets(periods, scope);
            return period -> {
                Map<String, Map<Counter, Long>> bySetting = new HashMap<>();
                scope.forEach(settingId -> {
                    CountBucket bucket = buckets.get(CountBucket.idOf(period, settingId));
                    if (bucket != null) {
                        bySetting.put(settingId, bucket.counts());
                    }
                });
                return bySetting;
            };
        }
        Map<String, SettingCounts> tables = queries.tables(periods);
        return period -> {
            SettingCounts table = tables.get(period);
            Map<String, Map<Counter, Long>> bySetting = new HashMap<>();
            if (table != null) {
                table.settingIds().stream().filter(scope::contains)
                        .forEach(settingId -> bySetting.put(settingId, table.counts(settingId)));
            }
            return bySetting;
        };
    }

    /** Plain counts go to their setting or HSCP, or all together; need and route groups are dimensions. */
    private static void addToGroups(Map<String, Map<Counter, Long>> groups, String settingId,
            Map<Counter, Long> counts, GroupBy grouping, Map<String, SettingView> settings) {
        counts.forEach((counter, value) -> {
            String group;
            if (grouping == GroupBy.NEED || grouping == GroupBy.ROUTE) {
                String dimension = grouping == GroupBy.NEED ? Metric.NEED : Metric.ROUTE;
                if (!dimension.equals(counter.dimension())) {
                    return;
                }
                group = counter.value();
            } else if (counter.hasDimension()) {
                return;
            } else if (grouping == GroupBy.SETTING) {
                group = settingId;
            } else if (grouping == GroupBy.HSCP) {
                group = String.valueOf(settings.get(settingId).hscp());
            } else {
                group = ALL;
            }
            groups.computeIfAbsent(group, name -> new HashMap<>()).merge(counter.overall(), value, Long::sum);
        });
    }

    /** Referrals received, split by one dimension's values. */
    private static Map<String, Long> received(Map<Counter, Long> counts, String dimension) {
        Map<String, Long> values = new TreeMap<>();
        counts.forEach((counter, value) -> {
            if (counter.metric().equals(Metric.RECEIVED) && dimension.equals(counter.dimension()) && value != 0) {
                values.put(counter.value(), value);
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
