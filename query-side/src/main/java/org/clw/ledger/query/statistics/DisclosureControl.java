package org.clw.ledger.query.statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Statistical disclosure control of counts published together (small-number suppression, as the Scottish public
 * health statistics practise it). A {@link Table} holds the counts of one answer and the sums among them: a total
 * and the counts it adds up (a row, a column, the closures of a period and their reasons). {@link #suppress} says
 * which counts may not be published:
 * <ol>
 * <li><b>primary</b>: every count from 1 to {@code threshold - 1}; a zero is published, since that nothing happened
 * tells nothing about a person, and it keeps "suppressed" meaning "at least one";</li>
 * <li><b>secondary</b>: for every sum, the suppressed counts among its members and its total must not be
 * recoverable from the published ones: when a sum has exactly one suppressed member, or its total is published and
 * its suppressed counts add up to less than the threshold (two suppressed 1s beside a published total would be
 * read as 1 and 1), the smallest positive published count of the sum is suppressed too, and its total only when no
 * such count is left. Repeated until no sum needs more, so a count suppressed for one sum is protected in the others
 * it belongs to.</li>
 * </ol>
 * Totals are counts like any other: published exactly unless small or needed as a secondary suppression; nothing is
 * rounded. The rule is checked sum by sum, not by a linear-programming audit of the whole table, and one answer is
 * protected at a time (see the README, "Statistics, defined"). Deterministic: the same table always gives
 * the same suppressions. Pure: no Spring, no storage.
 */
public final class DisclosureControl {

    /** The usual threshold of the Scottish public health statistics: counts of 1 to 4 are suppressed. */
    public static final int DEFAULT_THRESHOLD = 5;
    /** Bounds of a configured threshold: 2 suppresses only ones; above 100 no programme-level table survives. */
    public static final int LOWEST_THRESHOLD = 2;
    public static final int HIGHEST_THRESHOLD = 100;

    private final int threshold;

    public DisclosureControl(int threshold) {
        if (threshold < LOWEST_THRESHOLD || threshold > HIGHEST_THRESHOLD) {
            throw new IllegalArgumentException("The disclosure threshold must be from %d to %d, not %d"
                    .formatted(LOWEST_THRESHOLD, HIGHEST_THRESHOLD, threshold));
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** Which counts of the table may not be published, by their index in it. */
    public BitSet suppress(Table table) {
        BitSet hidden = new BitSet(table.size);
        for (int i = 0; i < table.size; i++) {
            if (table.values[i] > 0 && table.values[i] < threshold) {
                hidden.set(i);
            }
        }
        // The sums each count belongs to, packed: those of count i are sumsOf[start[i]] to sumsOf[start[i + 1] - 1].
        int[] start = new int[table.size + 1];
        for (int[] sum : table.sums) {
            for (int member : sum) {
                start[member + 1]++;
            }
        }
        for (int i = 0; i < table.size; i++) {
            start[i + 1] += start[i];
        }
        int[] sumsOf = new int[start[table.size]];
        int[] filled = Arrays.copyOf(start, table.size);
        for (int s = 0; s < table.sums.size(); s++) {
            for (int member : table.sums.get(s)) {
                sumsOf[filled[member]++] = s;
            }
        }
        // Each sum is checked once, and again whenever one of its members becomes suppressed.
        Deque<Integer> pending = new ArrayDeque<>();
        boolean[] queued = new boolean[table.sums.size()];
        for (int s = 0; s < table.sums.size(); s++) {
            pending.add(s);
            queued[s] = true;
        }
        while (!pending.isEmpty()) {
            int s = pending.poll();
            queued[s] = false;
            int added = protect(table.sums.get(s), table.values, hidden);
            if (added >= 0) {
                for (int k = start[added]; k < start[added + 1]; k++) {
                    int other = sumsOf[k];
                    if (!queued[other]) {
                        pending.add(other);
                        queued[other] = true;
                    }
                }
            }
        }
        return hidden;
    }

    /** The count one sum needs suppressed besides those already suppressed, now suppressed; -1 for none. */
    private int protect(int[] sum, long[] values, BitSet hidden) {
        int total = sum[0];
        int hiddenMembers = hidden.get(total) ? 1 : 0;
        long hiddenCounts = 0;
        for (int m = 1; m < sum.length; m++) {
            if (hidden.get(sum[m])) {
                hiddenMembers++;
                hiddenCounts += values[sum[m]];
            }
        }
        boolean recoverable = hiddenMembers == 1 || hiddenMembers > 1 && !hidden.get(total) && hiddenCounts < threshold;
        if (!recoverable) {
            return -1;
        }
        int next = -1;
        for (int m = 1; m < sum.length; m++) {
            int member = sum[m];
            if (!hidden.get(member) && values[member] > 0 && (next < 0 || values[member] < values[next])) {
                next = member;
            }
        }
        if (next < 0 && !hidden.get(total) && values[total] > 0) {
            next = total;
        }
        if (next >= 0) {
            hidden.set(next);
        }
        return next;
    }

    /** The counts of one answer, by index, and the sums among them. */
    public static final class Table {

        private long[] values = new long[64];
        private int size;
        private final List<int[]> sums = new ArrayList<>();

        /** Adds a count; its index. */
        public int count(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("A count cannot be negative: " + value);
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size] = value;
            return size++;
        }

        /** Adds the total of counts already in the table; its index. */
        public int total(List<Integer> members) {
            long value = 0;
            for (int member : members) {
                value += value(member);
            }
            int total = count(value);
            sum(total, members);
            return total;
        }

        /** Declares that one count of the table is the sum of others. */
        public void sum(int total, List<Integer> members) {
            long value = 0;
            int[] sum = new int[members.size() + 1];
            sum[0] = total;
            for (int m = 0; m < members.size(); m++) {
                sum[m + 1] = members.get(m);
                value += value(members.get(m));
            }
            if (value != value(total)) {
                throw new IllegalArgumentException("Count " + total + " is " + value(total) + ", not the sum " + value);
            }
            sums.add(sum);
        }

        public long value(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return values[index];
        }

        public int size() {
            return size;
        }
    }
}
