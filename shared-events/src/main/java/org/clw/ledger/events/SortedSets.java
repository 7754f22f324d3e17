package org.clw.ledger.events;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Sets inside events iterate in a fixed order, so the same event always serialises to the same bytes. */
public final class SortedSets {

    private SortedSets() {
    }

    public static <T extends Comparable<? super T>> Set<T> copyOf(Collection<T> items) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(items));
    }
}
