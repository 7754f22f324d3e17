package org.clw.ledger.query.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.clw.ledger.query.web.PageOf;
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

/** For auditors: who read what, between two days (UTC, both inclusive), by user, case or participant; newest first. */
@RestController
@RequestMapping("/api/audit/reads")
class ReadAccessController {

    private final MongoOperations mongo;

    ReadAccessController(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** @param status the HTTP status the read was answered with; null if it never completed */
    record ReadAccess(Instant at, String actorId, String actorRole, String endpoint, Map<String, Object> ids,
                      String query, Integer status) {
    }

    @GetMapping
    PageOf<ReadAccess> reads(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor,
            @RequestParam(name = "case", required = false) String referralId,
            @RequestParam(name = "participant", required = false) String participantId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        Periods.require(from, to, AuditSearchController.MAX_DAYS);
        List<Criteria> criteria = new ArrayList<>(List.of(Criteria.where("at")
                .gte(Date.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .lt(Date.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))));
        if (actor != null) {
            criteria.add(Criteria.where("actorId").is(actor));
        }
        if (referralId != null) {
            criteria.add(Criteria.where("referralId").is(referralId));
        }
        if (participantId != null) {
            criteria.add(Criteria.where("participantId").is(participantId));
        }
        Query query = Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, ReadAccessLog.COLLECTION);
        query.with(Sort.by(Sort.Order.desc("at"), Sort.Order.asc("_id"))).skip(PageOf.offset(page, size)).limit(size);
        List<ReadAccess> reads = mongo.find(query, Document.class, ReadAccessLog.COLLECTION).stream()
                .map(row -> new ReadAccess(row.getDate("at").toInstant(), row.getString("actorId"),
                        row.getString("actorRole"), row.getString("endpoint"), row.get("ids", Document.class),
                        row.getString("query"), row.getInteger("status")))
                .toList();
        return PageOf.of(reads, page, size, total);
    }
}
