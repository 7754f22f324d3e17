package org.clw.ledger.query.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.clw.ledger.api.security.FailedLogin;
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

/** For auditors: failed and refused logins between two days (UTC, both inclusive), by account or address; newest first. */
@RestController
@RequestMapping("/api/audit/logins")
class FailedLoginController {

    private final MongoOperations mongo;

    FailedLoginController(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    PageOf<FailedLogin> logins(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "user", required = false) String username,
            @RequestParam(required = false) String address,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        Periods.require(from, to, AuditSearchController.MAX_DAYS);
        List<Criteria> criteria = new ArrayList<>(List.of(Criteria.where("at")
                .gte(Date.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .lt(Date.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))));
        if (username != null) {
            criteria.add(Criteria.where("username").is(username));
        }
        if (address != null) {
            criteria.add(Criteria.where("address").is(address));
        }
        Query query = Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, FailedLoginLog.COLLECTION);
        query.with(Sort.by(Sort.Order.desc("at"), Sort.Order.asc("_id"))).skip(PageOf.offset(page, size)).limit(size);
        List<FailedLogin> logins = mongo.find(query, Document.class, FailedLoginLog.COLLECTION).stream()
                .map(row -> new FailedLogin(row.getDate("at").toInstant(), row.getString("username"),
                        row.getString("address"), FailedLogin.Outcome.valueOf(row.getString("outcome")),
                        row.getString("requestId")))
                .toList();
        return PageOf.of(logins, page, size, total);
    }
}
