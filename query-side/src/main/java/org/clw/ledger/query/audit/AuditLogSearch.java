package org.clw.ledger.query.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.clw.ledger.query.web.PageOf;
import org.clw.ledger.query.web.Periods;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A page of an access log (reads, failed logins) between two days, UTC and both inclusive, bounded like every audit
 * search, narrowed by the fields given (a null value does not narrow), newest first.
 */
final class AuditLogSearch {

    private AuditLogSearch() {
    }

    static <T> PageOf<T> page(MongoOperations mongo, String collection, LocalDate from, LocalDate to,
            Map<String, String> equalTo, int page, int size, Function<Document, T> row) {
        Periods.require(from, to, AuditSearchController.MAX_DAYS);
        List<Criteria> criteria = new ArrayList<>(List.of(Criteria.where("at")
                .gte(Date.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .lt(Date.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))));
        equalTo.forEach((field, value) -> {
            if (value != null) {
                criteria.add(Criteria.where(field).is(value));
            }
        });
        Query query = Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, collection);
        query.with(Sort.by(Sort.Order.desc("at"), Sort.Order.asc("_id"))).skip(PageOf.offset(page, size)).limit(size);
        return PageOf.of(mongo.find(query, Document.class, collection).stream().map(row).toList(), page, size, total);
    }
}
