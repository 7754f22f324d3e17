package org.clw.ledger.query.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Statistics count by the programme's local day (Scotland), computed here rather than by the database. */
final class ProgrammeCalendar {

    static final ZoneId ZONE = ZoneId.of("Europe/London");

    private ProgrammeCalendar() {
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
