package org.clw.ledger.query.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clw.ledger.api.security.FailedLogin;
import org.clw.ledger.query.web.PageOf;
import org.springframework.data.mongodb.core.MongoOperations;
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
        Map<String, String> equalTo = new LinkedHashMap<>();
        equalTo.put("username", username);
        equalTo.put("address", address);
        return AuditLogSearch.page(mongo, FailedLoginLog.COLLECTION, from, to, equalTo, page, size,
                row -> new FailedLogin(row.getDate("at").toInstant(), row.getString("username"),
                        row.getString("address"), FailedLogin.Outcome.valueOf(row.getString("outcome")),
                        row.getString("requestId")));
    }
}
