package org.clw.ledger.query.waitinglist;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.clw.ledger.api.security.Caller;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.access.QueryScope;
import org.clw.ledger.query.live.LiveViews;
import org.clw.ledger.query.referral.CaseStatus;
import org.clw.ledger.query.web.PageOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Referrals waiting for a first contact, longest wait first, overdue past the target (default 10 days); read once or
 * followed live.
 */
@RestController
@RequestMapping("/api/waiting-list")
class WaitingListController {

    private final WaitingListQueries queries;
    private final QueryScope scope;
    private final LiveViews live;

    WaitingListController(WaitingListQueries queries, QueryScope scope, LiveViews live) {
        this.queries = queries;
        this.scope = scope;
        this.live = live;
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
        return queries.waitingList(query(setting, page, size));
    }

    /** The same list as server-sent events: the first answer, then a new one whenever it changes. */
    @GetMapping("/live")
    SseEmitter liveWaitingList(@RequestParam(required = false) SettingId setting,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        WaitingListQuery query = query(setting, page, size);
        return live.follow(query.caller(), query, WaitingList.class, "No waiting list");
    }

    /** The question for the caller, refused before anything is read when it names a setting out of their scope. */
    private WaitingListQuery query(SettingId setting, int page, int size) {
        Caller caller = scope.caller();
        String settingId = setting == null ? null : setting.value();
        WaitingListQueries.check(caller, settingId);
        return new WaitingListQuery(caller, settingId, page, size);
    }
}
