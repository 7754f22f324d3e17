package org.clw.ledger.query.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** The periods a series is cut into: ISO weeks (from Monday), calendar months, calendar quarters. */
enum Interval {
    WEEK {
        @Override
        LocalDate startOf(LocalDate day) {
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        @Override
        LocalDate nextStart(LocalDate start) {
            return start.plusWeeks(1);
        }

        @Override
        String label(LocalDate start) {
            return "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    },
    MONTH {
        @Override
        LocalDate startOf(LocalDate day) {
            return day.withDayOfMonth(1);
        }

        @Override
        LocalDate nextStart(LocalDate start) {
            return start.plusMonths(1);
        }

        @Override
        String label(LocalDate start) {
            return "%d-%02d".formatted(start.getYear(), start.getMonthValue());
        }
    },
    QUARTER {
        @Override
        LocalDate startOf(LocalDate day) {
            return LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
        }

        @Override
        LocalDate nextStart(LocalDate start) {
            return start.plusMonths(3);
        }

        @Override
        String label(LocalDate start) {
            return "%d-Q%d".formatted(start.getYear(), start.get(IsoFields.QUARTER_OF_YEAR));
        }
    };

    abstract LocalDate startOf(LocalDate day);

    abstract LocalDate nextStart(LocalDate start);

    abstract String label(LocalDate start);
}
