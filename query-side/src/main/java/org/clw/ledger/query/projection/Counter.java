package org.clw.ledger.query.projection;

import java.util.Objects;

/**
 * What a count counts: a metric, optionally a detail of it (a histogram bin, a reason, an instrument), optionally
 * split by one dimension and its value ({@code route} = {@code GP}). Stored as a map key; {@link #key()} and
 * {@link #parse} are the one codec: {@code metric[:detail][|dimension=value]}.
 */
public record Counter(String metric, String detail, String dimension, String value) {

    public Counter {
        Objects.requireNonNull(metric, "metric");
        if ((dimension == null) != (value == null)) {
            throw new IllegalArgumentException("a dimension needs a value and a value a dimension");
        }
    }

    public static Counter of(String metric) {
        return new Counter(metric, null, null, null);
    }

    public static Counter of(String metric, Object detail) {
        return new Counter(metric, String.valueOf(detail), null, null);
    }

    /** The same count, split by a dimension. */
    public Counter by(String dimension, Object value) {
        return new Counter(metric, detail, dimension, String.valueOf(value));
    }

    /** The same count over every value of its dimension. */
    public Counter overall() {
        return new Counter(metric, detail, null, null);
    }

    public boolean hasDimension() {
        return dimension != null;
    }

    public String key() {
        return metric + (detail == null ? "" : ":" + detail) + (dimension == null ? "" : "|" + dimension + "=" + value);
    }

    public static Counter parse(String key) {
        int bar = key.indexOf('|');
        String counted = bar < 0 ? key : key.substring(0, bar);
        String dimension = null;
        String value = null;
        if (bar >= 0) {
            int equals = key.indexOf('=', bar);
            dimension = key.substring(bar + 1, equals);
            value = key.substring(equals + 1);
        }
        int colon = counted.indexOf(':');
        return new Counter(colon < 0 ? counted : counted.substring(0, colon),
                colon < 0 ? null : counted.substring(colon + 1), dimension, value);
    }

    /**
     * Written out: counters are hash keys in every contribution of every fold, and the record's generated methods
     * (method handles over four fields) were a fifth of a rebuild's projection thread.
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Counter that && metric.equals(that.metric)
                && Objects.equals(detail, that.detail) && Objects.equals(dimension, that.dimension)
                && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        int hash = metric.hashCode();
        hash = 31 * hash + Objects.hashCode(detail);
        hash = 31 * hash + Objects.hashCode(dimension);
        return 31 * hash + Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return key();
    }
}
