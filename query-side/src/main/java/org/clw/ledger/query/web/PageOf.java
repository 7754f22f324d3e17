package org.clw.ledger.query.web;

import java.util.List;

/** One page of a list that can grow: {@code page} counts from 0. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static final int MAX_SIZE = 200;

    public static <T> PageOf<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageOf<>(items, page, size, totalItems, (totalItems + size - 1) / size);
    }

    /** The page of an in-memory list. */
    public static <T> PageOf<T> slice(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return of(all.subList(from, to), page, size, all.size());
    }
}
