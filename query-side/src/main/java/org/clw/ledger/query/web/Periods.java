package org.clw.ledger.query.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.clw.ledger.api.InvalidParameter;

/** The bounds every query over a span of days shares: it runs forwards and is not longer than it may be. */
public final class Periods {

    /** The longest span of a statistics or timeline query: five years. */
    public static final int LONGEST = 5 * 366;

    private Periods() {
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
}
