package org.clw.ledger.query.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.clw.ledger.api.InvalidParameter;

/** The periods a series is cut into: ISO weeks (from Monday), calendar months, calendar quarters. */
public enum Interval {
    WEEK {
        @Override
        public LocalDate startOf(LocalDate day) {
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        @Override
        public LocalDate nextStart(LocalDate start) {
            return start.plusWeeks(1);
        }

        @Override
        public String label(LocalDate start) {
            return "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    },
    MONTH {
        @Override
        public LocalDate startOf(LocalDate day) {
            return day.withDayOfMonth(1);
        }

        @Override
        public LocalDate nextStart(LocalDate start) {
            return start.plusMonths(1);
        }

        @Override
        public String label(LocalDate start) {
            return "%d-%02d".formatted(start.getYear(), start.getMonthValue());
        }
    },
    QUARTER {
        @Override
        public LocalDate startOf(LocalDate day) {
            return LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
        }

        @Override
        public LocalDate nextStart(LocalDate start) {
            return start.plusMonths(3);
        }

        @Override
        public String label(LocalDate start) {
            return "%d-Q%d".formatted(start.getYear(), start.get(IsoFields.QUARTER_OF_YEAR));
        }
    };

    public abstract LocalDate startOf(LocalDate day);

    public abstract LocalDate nextStart(LocalDate start);

    public abstract String label(LocalDate start);

    /** The interval named by a request parameter, or a 400 naming the parameter. */
    public static Interval parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParameter("interval", "must be one of [week, month, quarter]");
        }
    }
}
