package org.clw.ledger.query.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of the calendar periods that count documents are kept for: a year ({@code Y2026}), a month
 * ({@code M2026-03}) and a day ({@code D2026-03-05}). Each count goes into its day, its month and its year, so that any
 * span of days is the sum of at most a few dozen documents: {@link #cover} picks whole years, then whole months, then
 * single days.
 *
 * <p>Running totals, for "everything up to a day" ({@link #upTo}), are kept as spans of years ({@code Y2017-2024}) laid
 * out as a Fenwick tree over the years 1 to {@value #LAST_YEAR}: the span ending in year {@code n} covers the
 * {@code lowbit(n)} years up to {@code n} (odd years: the year's own document). Every year up to {@code y} is then the
 * sum of at most twelve spans, however many years are stored, and a count in year {@code y} goes into at most eleven
 * spans besides its year ({@link #spansOf}), each a document that only ever adds: a correction of an old year moves every later
 * total, a year without events needs no document, and no running total is ever copied from another.
 */
public final class Calendar {

    /** The last year a running total covers: 2^12 - 1, so a span key has at most 12 parts to sum. */
    public static final int LAST_YEAR = 4095;

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

    /**
     * The spans of several years that a count in {@code year} goes into besides its year, its month and its day:
     * the running totals that include it. A year before year 1 counts as year 1 (nothing asks about it alone), a
     * year after {@value #LAST_YEAR} in none (no day that late can be asked about).
     */
    public static List<String> spansOf(int year) {
        List<String> keys = new ArrayList<>();
        for (int node = Math.max(1, year); node <= LAST_YEAR; node += lowbit(node)) {
            if (lowbit(node) > 1) {
                keys.add(span(node));
            }
        }
        return keys;
    }

    /**
     * Keys of non-overlapping periods that together are exactly every day up to {@code day}: at most twelve spans and
     * years for the years before, then {@link #cover} of its own year.
     */
    public static List<String> upTo(LocalDate day) {
        if (day.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("running totals are kept up to the year " + LAST_YEAR);
        }
        if (day.getYear() < 1) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (int node = day.getYear() - 1; node > 0; node -= lowbit(node)) {
            keys.add(lowbit(node) == 1 ? year(node) : span(node));
        }
        keys.addAll(cover(LocalDate.of(day.getYear(), 1, 1), day));
        return keys;
    }

    private static int lowbit(int node) {
        return node & -node;
    }

    /** The years {@code node - lowbit(node) + 1} to {@code node}. */
    static String span(int node) {
        return "Y" + (node - lowbit(node) + 1) + "-" + node;
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
