package org.clw.ledger.query.web;

import java.util.List;

/** One page of a list that can grow: {@code page} counts from 0. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static final int MAX_SIZE = 200;

    public static <T> PageOf<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageOf<>(items, page, size, totalItems, (totalItems + size - 1) / size);
    }

    /**
     * Where a page starts, for a query's skip: at most {@link Integer#MAX_VALUE}, the largest skip the MongoDB driver
     * takes (Spring Data casts the skip to an int, so a larger one would wrap round to an earlier page). Past the end
     * of any collection, such a page is empty.
     */
    public static long offset(int page, int size) {
        return Math.min((long) page * size, Integer.MAX_VALUE);
    }

    /** The page of an in-memory list. */
    public static <T> PageOf<T> slice(List<T> all, int page, int size) {
        int from = (int) Math.min(offset(page, size), all.size());
        int to = Math.min(from + size, all.size());
        return of(all.subList(from, to), page, size, all.size());
    }
}
