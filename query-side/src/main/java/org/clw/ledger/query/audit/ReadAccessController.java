package org.clw.ledger.query.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.clw.ledger.query.web.PageOf;
import org.springframework.data.mongodb.core.MongoOperations;
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
    private final ReadAccessChain chain;

    ReadAccessController(MongoOperations mongo, ReadAccessChain chain) {
        this.mongo = mongo;
        this.chain = chain;
    }

    /** Whether the log is as the system wrote it: every record in place, unchanged, none cut off or slipped in. */
    @GetMapping("/verification")
    ChainVerification verification() {
        return chain.verify();
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
        Map<String, String> equalTo = new LinkedHashMap<>();
        equalTo.put("actorId", actor);
        equalTo.put("referralId", referralId);
        equalTo.put("participantId", participantId);
        return AuditLogSearch.page(mongo, ReadAccessLog.COLLECTION, from, to, equalTo, page, size,
                row -> new ReadAccess(row.getDate("at").toInstant(), row.getString("actorId"),
                        row.getString("actorRole"), row.getString("endpoint"), row.get("ids", Document.class),
                        row.getString("query"), row.getInteger("status")));
    }
}
