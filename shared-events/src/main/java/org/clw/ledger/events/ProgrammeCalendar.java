package org.clw.ledger.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The programme's days are Scottish days: statistics, waiting times and timelines count in this zone. */
public final class ProgrammeCalendar {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private ProgrammeCalendar() {
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
