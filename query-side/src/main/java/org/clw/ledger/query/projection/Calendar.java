package org.clw.ledger.query.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of the calendar periods that count documents are kept for: a year ({@code Y2026}), a month
 * ({@code M2026-03}) and a day ({@code D2026-03-05}). Each count goes into its day, its month and its year, so that any
 * span of days is the sum of at most a few dozen documents: {@link #cover} picks whole years, then whole months, then
 * single days.
 */
public final class Calendar {

    private Calendar() {
    }

    /** The day's, its month's and its year's keys. */
    public static List<String> keysOf(LocalDate day) {
        return List.of(year(day.getYear()), month(day), day(day));
    }

    /** Keys of non-overlapping periods that together are exactly the days {@code from} to {@code to}. */
    public static List<String> cover(LocalDate from, LocalDate to) {
        List<String> keys = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            if (day.getDayOfYear() == 1 && !day.plusYears(1).minusDays(1).isAfter(to)) {
                keys.add(year(day.getYear()));
                day = day.plusYears(1);
            } else if (day.getDayOfMonth() == 1 && !day.plusMonths(1).minusDays(1).isAfter(to)) {
                keys.add(month(day));
                day = day.plusMonths(1);
            } else {
                keys.add(day(day));
                day = day.plusDays(1);
            }
        }
        return keys;
    }

    static String year(int year) {
        return "Y" + year;
    }

    static String month(LocalDate day) {
        return "M" + day.toString().substring(0, 7);
    }

    static String day(LocalDate day) {
        return "D" + day;
    }
}
