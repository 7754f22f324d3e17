package org.clw.ledger.query.timeline;

import static org.clw.ledger.query.timeline.TimelineContributions.OPEN;
import static org.clw.ledger.query.timeline.TimelineContributions.SETTING;
import static org.clw.ledger.query.timeline.TimelineContributions.STATUS;
import static org.clw.ledger.query.timeline.TimelineContributions.WAITING;
import static org.clw.ledger.query.timeline.TimelineContributions.WORKER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.access.QueryScope;
import org.clw.ledger.query.projection.Calendar;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.statistics.Interval;
import org.clw.ledger.query.statistics.StatisticsDisclosure;
import org.clw.ledger.query.statistics.StatisticsQueries;
import org.clw.ledger.query.statistics.StatisticsReport;
import org.clw.ledger.query.web.Periods;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme as it stood at the end of a past day, and its course over weeks, months or quarters. A state is the
 * sum of every change up to the day: the {@code timeline}'s running totals of the years before (at most twelve
 * documents, however many years are stored), then whole months and days of its own year. Flows (referrals in,
 * closures out, waits) come from the same statistics as {@code /api/statistics}, so the two always agree. The caseload per worker is narrowed like the
 * caseload endpoints ({@link QueryScope#visibleWorkers}); the totals are the programme's. Counts are published exactly
 * or under disclosure control, by the caller, as the statistics are ({@link StatisticsDisclosure}).
 */
@RestController
@RequestMapping("/api/timeline")
class TimelineController {

    private final MongoOperations mongo;
    private final StatisticsQueries statistics;
    private final Periods periods;
    private final QueryScope scope;
    private final StatisticsDisclosure disclosure;

    TimelineController(MongoOperations mongo, StatisticsQueries statistics, Periods periods, QueryScope scope,
            StatisticsDisclosure disclosure) {
        this.mongo = mongo;
        this.statistics = statistics;
        this.periods = periods;
        this.scope = scope;
        this.disclosure = disclosure;
    }

    /** @param suppressed the withheld counts of the state (the totals list their own) */
    record ProgrammeState(LocalDate asOf, Integer suppressedBelow, Long openCases, Long waitingList,
                          Map<String, Long> casesByStatus, Map<String, Long> caseloadPerWorker, LocalDate totalsFrom,
                          StatisticsReport totalsToDate, List<String> suppressed) {
    }

    record Period(String period, LocalDate from, LocalDate to, Long openAtEnd, Long waitingAtEnd, Long referralsIn,
                  Long closuresOut, Long medianWaitDays, List<String> suppressed) {
    }

    record Series(LocalDate from, LocalDate to, String interval, String setting, Hscp hscp, Integer suppressedBelow,
                  List<Period> periods) {
    }

    @GetMapping
    ProgrammeState asOf(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        periods.requireDay("asOf", asOf);
        LocalDate start = periods.firstDay().orElse(asOf);
        Map<Counter, Long> state = stateUpTo(asOf);
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> perWorker = new TreeMap<>();
        Set<String> workers = scope.visibleWorkers();
        state.forEach((counter, value) -> {
            if (counter.metric().equals(STATUS) && value != 0) {
                byStatus.put(counter.detail(), value);
            } else if (counter.metric().equals(WORKER) && value != 0
                    && (workers == null || workers.contains(counter.detail()))) {
                perWorker.put(counter.detail(), value);
            }
        });
        StatisticsReport totals = statistics.reportUpTo(asOf);
        StatisticsDisclosure.Publication publication = disclosure.forCaller(null);
        TimelineDisclosure.State counts = publication.control()
                .map(control -> TimelineDisclosure.state(control, count(state, OPEN, null), count(state, WAITING, null),
                        byStatus))
                .orElseGet(() -> new TimelineDisclosure.State(count(state, OPEN, null), count(state, WAITING, null),
                        byStatus, List.of()));
        return new ProgrammeState(asOf, publication.suppressedBelow(), counts.openCases(), counts.waitingList(),
                counts.casesByStatus(), perWorker, start,
                publication.totals(totals, Map.of(), Map.of()).report(), counts.suppressed());
    }

    @GetMapping("/series")
    Series series(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "month") String interval,
            @RequestParam(required = false) SettingId setting,
            @RequestParam(required = false) Hscp hscp) {
        periods.requirePeriod(from, to);
        Interval cut = Interval.parse(interval);
        Set<String> settings = setting == null && hscp == null ? null : statistics.settings(setting, hscp).keySet();
        // The state before the series, then each period's changes on top: as many documents as the periods need.
        LocalDate stateDay = from.minusDays(1);
        Map<Counter, Long> state = stateUpTo(stateDay);
        List<TimelineDisclosure.Exact> exact = new ArrayList<>();
        List<LocalDate[]> spans = new ArrayList<>();
        for (LocalDate start = cut.startOf(from); !start.isAfter(to); start = cut.nextStart(start)) {
            LocalDate periodFrom = start.isBefore(from) ? from : start;
            LocalDate periodTo = cut.nextStart(start).minusDays(1);
            periodTo = periodTo.isAfter(to) ? to : periodTo;
            if (periodTo.isAfter(stateDay)) {
                LocalDate changesFrom = stateDay.plusDays(1);
                sum(changesFrom, periodTo).forEach((counter, value) -> state.merge(counter, value, Long::sum));
                stateDay = periodTo;
            }
            StatisticsReport flows = statistics.report(periodFrom, periodTo, settings);
            exact.add(new TimelineDisclosure.Exact(count(state, OPEN, settings), count(state, WAITING, settings),
                    flows.referrals().received(), flows.closures().total(),
                    flows.daysToFirstAttendedAppointment().cases(), flows.daysToFirstAttendedAppointment().median()));
            spans.add(new LocalDate[] {start, periodFrom, periodTo});
        }
        StatisticsDisclosure.Publication publication = disclosure.forCaller(settings);
        List<TimelineDisclosure.Flows> flows = publication.control()
                .map(control -> TimelineDisclosure.series(control, exact))
                .orElseGet(() -> exact.stream().map(TimelineDisclosure.Exact::published).toList());
        List<Period> series = new ArrayList<>();
        for (int p = 0; p < spans.size(); p++) {
            LocalDate[] span = spans.get(p);
            TimelineDisclosure.Flows figures = flows.get(p);
            series.add(new Period(cut.label(span[0]), span[1], span[2], figures.openAtEnd(), figures.waitingAtEnd(),
                    figures.referralsIn(), figures.closuresOut(), figures.medianWaitDays(), figures.suppressed()));
        }
        return new Series(from, to, cut.name().toLowerCase(Locale.ROOT), setting == null ? null : setting.value(),
                hscp, publication.suppressedBelow(), series);
    }

    /** The whole programme's count, or the sum over the chosen settings' counts. */
    private static long count(Map<Counter, Long> state, String metric, Set<String> settings) {
        if (settings == null) {
            return state.getOrDefault(Counter.of(metric), 0L);
        }
        return settings.stream()
                .mapToLong(setting -> state.getOrDefault(Counter.of(metric).by(SETTING, setting), 0L)).sum();
    }

    /** The programme's state at the end of {@code day}: every change up to it, from a bounded number of documents. */
    private Map<Counter, Long> stateUpTo(LocalDate day) {
        return sum(Calendar.upTo(day));
    }

    /** The changes of the days {@code from} to {@code to}, summed from the buckets that cover them. */
    private Map<Counter, Long> sum(LocalDate from, LocalDate to) {
        return from.isAfter(to) ? new HashMap<>() : sum(Calendar.cover(from, to));
    }

    private Map<Counter, Long> sum(List<String> periods) {
        Map<Counter, Long> state = new HashMap<>();
        List<String> ids = periods.stream().map(period -> CountBucket.idOf(period, null)).toList();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), CountBucket.class, TimelineProjection.COLLECTION)
                .forEach(bucket -> bucket.counts().forEach((counter, value) -> state.merge(counter, value, Long::sum)));
        return state;
    }
}
