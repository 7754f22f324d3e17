package org.clw.ledger.query.audit;

import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.clw.ledger.api.security.FailedLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Keeps every failed or refused login in the {@code failed_logins} collection, beside the read-access log: when, the
 * account (only when it exists), the client's address, the outcome and the request id. No endpoint changes it;
 * auditors search it at {@code /api/audit/logins}.
 */
@Component
class FailedLoginLog {

    static final String COLLECTION = "failed_logins";
    private static final Logger log = LoggerFactory.getLogger(FailedLoginLog.class);

    private final MongoOperations mongo;

    FailedLoginLog(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventListener
    void on(FailedLogin login) {
        try {
            mongo.insert(new Document("_id", UUID.randomUUID().toString())
                    .append("at", Date.from(login.at()))
                    .append("username", login.username())
                    .append("address", login.address())
                    .append("outcome", login.outcome().name())
                    .append("requestId", login.requestId()), COLLECTION);
        } catch (RuntimeException unwritten) {
            // The login is refused either way; the log line of LoginAudit still stands for it.
            log.error("A failed login could not be recorded", unwritten);
        }
    }
}
