package org.clw.ledger.query.uptake;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clw.ledger.api.InvalidParameter;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.Callers;
import org.clw.ledger.api.security.OutOfScope;
import org.clw.ledger.api.security.Role;
import org.clw.ledger.events.ProgrammeCalendar;
import org.clw.ledger.events.linking.Need;
import org.clw.ledger.events.setting.Hscp;
import org.clw.ledger.query.directory.DirectoryNames;
import org.clw.ledger.query.projection.CountBucket;
import org.clw.ledger.query.projection.Counter;
import org.clw.ledger.query.setting.SettingView;
import org.clw.ledger.query.statistics.DisclosureControl;
import org.clw.ledger.query.statistics.StatisticsDisclosure;
import org.clw.ledger.query.statistics.StatisticsQueries;
import org.clw.ledger.query.uptake.UptakeCount.Subject;
import org.clw.ledger.query.web.Periods;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The uptake answers, whole (the API pages them, the exports write them): the period checked, the caller's area
 * checked, the buckets summed, names from the directory, and the figures published exactly or under the same
 * disclosure control as the statistics ({@link StatisticsDisclosure}): exact for admins and for a manager who manages
 * every setting of the area, controlled for evaluators and for a manager asking about an area they share.
 */
@Component
class UptakeAnswers {

    private static final int IDS_PER_QUERY = 1000;

    private final MongoOperations mongo;
    private final StatisticsQueries statistics;
    private final StatisticsDisclosure disclosure;
    private final DirectoryNames directory;
    private final Periods periods;
    private final Callers callers;
    private final Clock clock;

    UptakeAnswers(MongoOperations mongo, StatisticsQueries statistics, StatisticsDisclosure disclosure,
            DirectoryNames directory, Periods periods, Callers callers, Clock clock) {
        this.mongo = mongo;
        this.statistics = statistics;
        this.disclosure = disclosure;
        this.directory = directory;
        this.periods = periods;
        this.callers = callers;
        this.clock = clock;
    }

    record ServiceRow(String serviceId, String serviceName, String organisationId, String organisationName,
                      Figures figures) {
    }

    record OrganisationRow(String organisationId, String organisationName, Figures figures) {
    }

    record GapRow(Hscp hscp, Need need, Figures figures) {
    }

    /** Rows of one answer, their total, and the threshold they were published under (null: exact). */
    record Answer<R>(UptakePeriod period, Integer suppressedBelow, Figures total, List<R> rows) {
    }

    Answer<ServiceRow> services(UptakePeriod period) {
        Scope scope = scope(period);
        Map<String, Tally> tallies = Tally.of(sum(scope), Subject.SERVICE);
        Map<String, DirectoryNames.ServiceName> names = directory.services(tallies.keySet());
        Map<String, String> organisations = directory.organisations(names.values().stream()
                .map(DirectoryNames.ServiceName::organisationId).toList());
        List<String> ids = sorted(tallies.keySet(), id -> Optional.ofNullable(names.get(id))
                .map(DirectoryNames.ServiceName::name).orElse(null));
        List<Figures> published = UptakeTables.publish(scope.control(), ids.stream().map(tallies::get).toList());
        List<ServiceRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            DirectoryNames.ServiceName name = names.get(ids.get(i));
            String organisationId = name == null ? null : name.organisationId();
            rows.add(new ServiceRow(ids.get(i), name == null ? null : name.name(), organisationId,
                    organisations.get(organisationId), published.get(i)));
        }
        return new Answer<>(period, scope.suppressedBelow(), published.get(ids.size()), rows);
    }

    Answer<OrganisationRow> organisations(UptakePeriod period) {
        Scope scope = scope(period);
        Map<String, Tally> tallies = Tally.of(sum(scope), Subject.ORGANISATION);
        Map<String, String> names = directory.organisations(tallies.keySet());
        List<String> ids = sorted(tallies.keySet(), names::get);
        List<Figures> published = UptakeTables.publish(scope.control(), ids.stream().map(tallies::get).toList());
        List<OrganisationRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new OrganisationRow(ids.get(i), names.get(ids.get(i)), published.get(i)));
        }
        return new Answer<>(period, scope.suppressedBelow(), published.get(ids.size()), rows);
    }

    /** Onward referrals outside the directory, by the HSCP of the case's setting and by need. */
    Answer<GapRow> gaps(UptakePeriod period) {
        Scope scope = scope(period);
        Map<String, SettingView> settings = statistics.settings(null, period.hscp());
        Map<Hscp, Map<Counter, Long>> byArea = new TreeMap<>();
        buckets(period, settings.keySet()).values().forEach(bucket -> {
            SettingView setting = settings.get(bucket.settingId());
            if (setting != null && setting.hscp() != null) {
                Map<Counter, Long> counts = byArea.computeIfAbsent(setting.hscp(), area -> new HashMap<>());
                bucket.counts().forEach((counter, value) -> counts.merge(counter, value, Long::sum));
            }
        });
        List<Hscp> areas = new ArrayList<>();
        List<Need> needs = new ArrayList<>();
        List<Tally> tallies = new ArrayList<>();
        byArea.forEach((area, counts) -> Tally.of(counts, Subject.GAP).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Need::valueOf)))
                .forEach(gap -> {
                    areas.add(area);
                    needs.add(Need.valueOf(gap.getKey()));
                    tallies.add(gap.getValue());
                }));
        List<Figures> published = UptakeTables.publish(scope.control(), tallies);
        List<GapRow> rows = new ArrayList<>();
        for (int i = 0; i < tallies.size(); i++) {
            rows.add(new GapRow(areas.get(i), needs.get(i), published.get(i)));
        }
        return new Answer<>(period, scope.suppressedBelow(), published.get(tallies.size()), rows);
    }

    /** The settings counted (null: the whole programme) and how the figures are published. */
    private record Scope(UptakePeriod period, Collection<String> settingIds,
                         StatisticsDisclosure.Publication publication) {

        DisclosureControl control() {
            return publication.control().orElse(null);
        }

        Integer suppressedBelow() {
            return publication.suppressedBelow();
        }
    }

    /**
     * The period within bounds (forwards, at most {@link Periods#LONGEST} days, not after this month nor before the
     * month of the programme's first day), and the area one the caller may ask about: any for admins and evaluators,
     * for a manager one where they manage a setting.
     */
    private Scope scope(UptakePeriod period) {
        Periods.require(period.from().atDay(1), period.to().atEndOfMonth(), Periods.LONGEST);
        YearMonth now = YearMonth.from(ProgrammeCalendar.dayOf(clock.instant()));
        if (period.to().isAfter(now)) {
            throw new InvalidParameter("to", "must not be after " + now);
        }
        periods.firstDay().map(YearMonth::from).filter(period.to()::isBefore).ifPresent(first -> {
            throw new InvalidParameter("to", "must not be before the programme's first month, " + first);
        });
        Caller caller = callers.current();
        Map<String, SettingView> settings = period.hscp() == null ? null : statistics.settings(null, period.hscp());
        if (caller.role() == Role.SERVICE_MANAGER) {
            if (period.hscp() == null) {
                throw new InvalidParameter("hscp", "a service manager names an area (HSCP) where they manage a"
                        + " setting");
            }
            if (settings.keySet().stream().noneMatch(caller::manages)) {
                throw new OutOfScope("You manage no setting in " + period.hscp());
            }
        }
        Collection<String> settingIds = settings == null ? null : settings.keySet();
        return new Scope(period, settingIds, disclosure.forCaller(settingIds));
    }

    private Map<Counter, Long> sum(Scope scope) {
        Map<Counter, Long> counts = new HashMap<>();
        buckets(scope.period(), scope.settingIds()).values().forEach(bucket -> bucket.counts()
                .forEach((counter, value) -> counts.merge(counter, value, Long::sum)));
        return counts;
    }

    /** The buckets covering the period: the whole programme's when {@code settingIds} is null, else each setting's. */
    private Map<String, CountBucket> buckets(UptakePeriod period, Collection<String> settingIds) {
        List<String> ids = new ArrayList<>();
        for (String key : UptakeProjection.cover(period.from(), period.to())) {
            if (settingIds == null) {
                ids.add(CountBucket.idOf(key, null));
            } else {
                settingIds.forEach(settingId -> ids.add(CountBucket.idOf(key, settingId)));
            }
        }
        Map<String, CountBucket> buckets = new HashMap<>();
        for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY));
            mongo.find(Query.query(Criteria.where("_id").in(chunk)), CountBucket.class, UptakeProjection.COLLECTION)
                    .forEach(bucket -> buckets.put(bucket.id(), bucket));
        }
        return buckets;
    }

    /** Ids by name (ignoring case; unknown names last), then by id: an order that says nothing of the counts. */
    private static List<String> sorted(Collection<String> ids, Function<String, String> name) {
        return ids.stream().sorted(Comparator.comparing((String id) -> Optional.ofNullable(name.apply(id))
                        .map(String::toLowerCase).orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.naturalOrder())).collect(Collectors.toList());
    }
}
