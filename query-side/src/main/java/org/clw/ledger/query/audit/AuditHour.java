package org.clw.ledger.query.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import org.springframework.data.annotation.Id;

/** The audit rows of the events recorded in one UTC hour, keyed by aggregate and sequence number. */
class AuditHour {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    @Id
    String hour;
    long position = -1;
    LinkedHashMap<String, AuditRow> rows = new LinkedHashMap<>();

    static String idOf(Instant recordedAt) {
        return ID.format(recordedAt.truncatedTo(ChronoUnit.HOURS));
    }

    static AuditHour of(String hour) {
        AuditHour bucket = new AuditHour();
        bucket.hour = hour;
        return bucket;
    }
}
