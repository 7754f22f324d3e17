package org.clw.ledger.query.waitinglist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.referral.CaseStatus;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.api.security.OutOfScope;
import org.clw.ledger.query.access.QueryScope;
import org.clw.ledger.query.web.PageOf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.clw.ledger.events.ProgrammeCalendar;

/** Referrals waiting for a first contact, longest wait first, overdue past the target (default 10 days). */
@RestController
@RequestMapping("/api/waiting-list")
class WaitingListController {

    private final MongoOperations mongo;
    private final Clock clock;
    private final int targetDays;

    private final QueryScope scope;

    WaitingListController(MongoOperations mongo, Clock clock, QueryScope scope,
            @Value("${clw.waiting-list.target-days:10}") int targetDays) {
        this.mongo = mongo;
        this.scope = scope;
        this.clock = clock;
        this.targetDays = targetDays;
    }

    record Waiting(String referralId, String participantId, String settingId, CaseStatus status,
                   Instant receivedAt, String workerId, long daysWaiting, boolean overdue) {
    }

    record WaitingList(String setting, int targetDays, long overdue, PageOf<Waiting> referrals) {
    }

    /** Without {@code setting}, the waiting lists of every setting the caller may see, together. */
    @GetMapping
    WaitingList waitingList(@RequestParam(required = false) SettingId setting,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        Caller caller = scope.caller();
        if (setting != null && caller.isScoped() && !caller.manages(setting.value())) {
            throw new OutOfScope("Setting " + setting + " is not one you manage");
        }
        Stream<SettingWaitingList> lists = setting != null
                ? Stream.ofNullable(mongo.findById(setting.value(), SettingWaitingList.class,
                WaitingListProjection.COLLECTION))
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
        return new WaitingList(setting == null ? null : setting.value(), targetDays, overdue,
                PageOf.slice(waiting, page, size));
    }
}
