package org.clw.ledger.query.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.clw.ledger.events.setting.SettingId;
import org.clw.ledger.query.web.PageOf;
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
 * Who did what and when, across cases: the events recorded between two days (UTC, both inclusive, at most 92
 * days), optionally by actor, role, event type, setting or case; newest first, paged.
 */
@RestController
@RequestMapping("/api/audit")
class AuditSearchController {

    static final int MAX_DAYS = 92;
    private static final int IDS_PER_QUERY = 1000;

    private final MongoOperations mongo;

    AuditSearchController(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    PageOf<AuditRow> search(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) SettingId setting,
            @RequestParam(name = "case", required = false) String referralId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        Periods.require(from, to, MAX_DAYS);
        Predicate<AuditRow> wanted = row -> matches(actor, row.actorId()) && matches(role, row.actorRole())
                && matches(type, row.eventType()) && matches(setting == null ? null : setting.value(), row.settingId())
                && matches(referralId, row.aggregateId());
        List<AuditRow> rows = hours(from, to).stream()
                .flatMap(hour -> hour.rows.values().stream())
                .filter(wanted)
                .sorted(Comparator.comparing(AuditRow::recordedAt).reversed()
                        .thenComparing(AuditRow::aggregateId).thenComparing(AuditRow::sequence))
                .toList();
        return PageOf.slice(rows, page, size);
    }

    private List<AuditHour> hours(LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Instant hour = from.atStartOfDay(ZoneOffset.UTC).toInstant(); hour.isBefore(end);
                hour = hour.plus(1, ChronoUnit.HOURS)) {
            ids.add(AuditHour.idOf(hour));
        }
        List<AuditHour> hours = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
            hours.addAll(mongo.find(Query.query(Criteria.where("_id").in(ids.subList(start,
                    Math.min(ids.size(), start + IDS_PER_QUERY)))), AuditHour.class, AuditTrailProjection.COLLECTION));
        }
        return hours;
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }
}
