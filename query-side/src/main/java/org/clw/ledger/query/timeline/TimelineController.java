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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.statistics.Interval;
import org.clw.ledger.query.statistics.StatisticsQueries;
import org.clw.ledger.query.statistics.StatisticsReport;
import org.clw.ledger.query.web.Periods;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme as it stood at the end of a past day, and its course over weeks, months or quarters. States are
 * cumulative sums of the {@code timeline} read model; flows (referrals in, closures out, waits) come from the same
 * statistics as {@code /api/statistics}, so the two always agree.
 */
@RestController
@RequestMapping("/api/timeline")
class TimelineController {

    private final MongoOperations mongo;
    private final StatisticsQueries statistics;

    TimelineController(MongoOperations mongo, StatisticsQueries statistics) {
        this.mongo = mongo;
        this.statistics = statistics;
    }

    record ProgrammeState(LocalDate asOf, long openCases, long waitingList, Map<String, Long> casesByStatus,
                          Map<String, Long> caseloadPerWorker, LocalDate totalsFrom, StatisticsReport totalsToDate) {
    }

    record Period(String period, LocalDate from, LocalDate to, long openAtEnd, long waitingAtEnd, long referralsIn,
                  long closuresOut, Long medianWaitDays) {
    }

    record Series(LocalDate from, LocalDate to, String interval, String setting, Hscp hscp, List<Period> periods) {
    }

    @GetMapping
    ProgrammeState asOf(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Map<String, Long> state = stateAtEndOf(asOf, daysUpTo(asOf));
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> perWorker = new TreeMap<>();
        state.forEach((key, value) -> {
            if (key.startsWith(STATUS) && value != 0) {
                byStatus.put(key.substring(STATUS.length()), value);
            } else if (key.startsWith(WORKER) && value != 0) {
                perWorker.put(key.substring(WORKER.length()), value);
            }
        });
        LocalDate start = firstDay().orElse(asOf);
        StatisticsReport totals = statistics.report(start.isAfter(asOf) ? asOf : start, asOf, null, null);
        return new ProgrammeState(asOf, state.getOrDefault(OPEN, 0L), state.getOrDefault(WAITING, 0L), byStatus,
                perWorker, start, totals);
    }

    @GetMapping("/series")
    Series series(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "month") String interval,
            @RequestParam(required = false) SettingId setting,
            @RequestParam(required = false) Hscp hscp) {
        Periods.require(from, to, Periods.LONGEST);
        Interval cut = Interval.parse(interval);
        Set<String> settings = setting == null && hscp == null ? null : statistics.settings(setting, hscp).keySet();
        List<CountBucket> days = daysUpTo(to);
        List<Period> periods = new ArrayList<>();
        for (LocalDate start = cut.startOf(from); !start.isAfter(to); start = cut.nextStart(start)) {
            LocalDate periodFrom = start.isBefore(from) ? from : start;
            LocalDate periodTo = cut.nextStart(start).minusDays(1);
            periodTo = periodTo.isAfter(to) ? to : periodTo;
            Map<String, Long> state = stateAtEndOf(periodTo, days);
            StatisticsReport flows = statistics.report(periodFrom, periodTo, setting, hscp);
            periods.add(new Period(cut.label(start), periodFrom, periodTo, count(state, OPEN, settings),
                    count(state, WAITING, settings), flows.referrals().received(), flows.closures().total(),
                    flows.daysToFirstAttendedAppointment().median()));
        }
        return new Series(from, to, cut.name().toLowerCase(Locale.ROOT), setting == null ? null : setting.value(),
                hscp, periods);
    }

    /** The whole programme's count, or the sum over the chosen settings' counts. */
    private static long count(Map<String, Long> state, String key, Set<String> settings) {
        if (settings == null) {
            return state.getOrDefault(key, 0L);
        }
        return settings.stream().mapToLong(setting -> state.getOrDefault(key + SETTING + setting, 0L)).sum();
    }

    private static Map<String, Long> stateAtEndOf(LocalDate day, List<CountBucket> days) {
        Map<String, Long> state = new HashMap<>();
        days.stream().filter(bucket -> !bucket.day().isAfter(day))
                .forEach(bucket -> bucket.counts().forEach((key, value) -> state.merge(key, value, Long::sum)));
        return state;
    }

    /** Every day's changes up to {@code day}: one small document per day of the programme's life. */
    private List<CountBucket> daysUpTo(LocalDate day) {
        return mongo.find(Query.query(Criteria.where("day").lte(day.toString())).with(Sort.by("day")),
                CountBucket.class, TimelineProjection.COLLECTION);
    }

    private Optional<LocalDate> firstDay() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by("day")).limit(1),
                CountBucket.class, TimelineProjection.COLLECTION)).map(CountBucket::day);
    }
}
