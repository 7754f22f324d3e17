package org.clw.ledger.query.waitinglist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryHandler;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.OutOfScope;
import org.clw.ledger.events.ProgrammeCalendar;
import org.clw.ledger.query.waitinglist.WaitingListController.Waiting;
import org.clw.ledger.query.waitinglist.WaitingListController.WaitingList;
import org.clw.ledger.query.web.PageOf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The waiting-list read, for a given caller: answered directly for the REST read and through Axon's query bus for the
 * live view, so both answer alike.
 */
@Component
class WaitingListQueries {

    private final MongoOperations mongo;
    private final Clock clock;
    private final int targetDays;

    WaitingListQueries(MongoOperations mongo, Clock clock,
            @Value("${clw.waiting-list.target-days:10}") int targetDays) {
        this.mongo = mongo;
        this.clock = clock;
        this.targetDays = targetDays;
    }

    /** @throws OutOfScope when a scoped caller names a setting they do not manage */
    static void check(Caller caller, String setting) {
        if (setting != null && caller.isScoped() && !caller.manages(setting)) {
            throw new OutOfScope("Setting " + setting + " is not one you manage");
        }
    }

    /** Without a setting, the waiting lists of every setting the caller may see, together. */
    @QueryHandler
    WaitingList waitingList(WaitingListQuery query) {
        Caller caller = query.caller();
        String setting = query.setting();
        check(caller, setting);
        Stream<SettingWaitingList> lists = setting != null
                ? Stream.ofNullable(mongo.findById(setting, SettingWaitingList.class, WaitingListProjection.COLLECTION))
                : caller.isScoped()
                ? mongo.find(Query.query(Criteria.where("_id").in(caller.managedSettings())),
                        SettingWaitingList.class, WaitingListProjection.COLLECTION).stream()
                : mongo.findAll(SettingWaitingList.class, WaitingListProjection.COLLECTION).stream();
        LocalDate today = ProgrammeCalendar.dayOf(clock.instant());
        List<Waiting> waiting = lists
                .flatMap(list -> list.entries.values().stream().map(entry -> {
                    long days = ChronoUnit.DAYS.between(ProgrammeCalendar.dayOf(entry.receivedAt()), today);
                    return new Waiting(entry.referralId(), entry.participantId(), list.settingId, entry.status(),
                            entry.receivedAt(), entry.workerId(), days, days > targetDays);
                }))
                .sorted(Comparator.comparing(Waiting::receivedAt).thenComparing(Waiting::referralId))
                .toList();
        long overdue = waiting.stream().filter(Waiting::overdue).count();
        return new WaitingList(setting, targetDays, overdue, PageOf.slice(waiting, query.page(), query.size()));
    }
}
