package org.clw.ledger.query.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.bson.Document;
import org.clw.ledger.api.InvalidParameter;
import org.clw.ledger.events.ProgrammeCalendar;
import org.clw.ledger.query.projection.Collections;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The bounds every query over days shares, so that none costs more than its question: a period runs forwards, is
 * not longer than it may be and ends neither after tomorrow nor before the programme's first day (the day of its
 * earliest referral); a single day ({@code asOf}) lies between the two. A period may start before the first day:
 * those days are empty. Each breach is a 400 naming the parameter.
 */
@Component
public class Periods {

    /** The longest span of a statistics or timeline query: five years. */
    public static final int LONGEST = 5 * 366;

    private final MongoOperations mongo;
    private final Clock clock;

    Periods(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @throws InvalidParameter naming {@code from} or {@code to} */
    public static void require(LocalDate from, LocalDate to, int maxDays) {
        if (from.isAfter(to)) {
            throw new InvalidParameter("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= maxDays) {
            throw new InvalidParameter("to", "a period spans at most " + maxDays + " days");
        }
    }

    /** A statistics or timeline period: at most {@link #LONGEST} days, ending within the programme's span. */
    public void requirePeriod(LocalDate from, LocalDate to) {
        require(from, to, LONGEST);
        requireWithinSpan("to", to);
    }

    /** A single day within the programme's span. */
    public void requireDay(String parameter, LocalDate day) {
        requireWithinSpan(parameter, day);
    }

    /** The day of the programme's earliest referral; empty while it has none. */
    public Optional<LocalDate> firstDay() {
        return Optional.ofNullable(mongo.findById("first-day", Document.class, Collections.PROGRAMME))
                .map(document -> LocalDate.parse(document.getString("day")));
    }

    private void requireWithinSpan(String parameter, LocalDate day) {
        LocalDate tomorrow = ProgrammeCalendar.dayOf(clock.instant()).plusDays(1);
        if (day.isAfter(tomorrow)) {
            throw new InvalidParameter(parameter, "must not be after " + tomorrow);
        }
        firstDay().filter(day::isBefore).ifPresent(first -> {
            throw new InvalidParameter(parameter, "must not be before the programme's first day, " + first);
        });
    }
}
