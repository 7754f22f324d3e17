package org.clw.ledger.benchmarks;

/**
 * One measured figure against its baseline measured in the same run.
 *
 * @param p50     for a latency given as its p99, the median (NaN otherwise)
 * @param ratio   value / baseline
 * @param target  what the figure should reach, in words
 * @param verdict "met" or "missed" where the target is a bound the run can check, empty otherwise
 */
record Result(String group, String name, double value, double p50, String unit, String baseline,
              double baselineValue, double ratio, String target, String verdict) {

    static Result of(String group, String name, double value, String unit, String baseline, double baselineValue,
            String target) {
        return new Result(group, name, value, Double.NaN, unit, baseline, baselineValue,
                baselineValue == 0 || Double.isNaN(baselineValue) ? Double.NaN : value / baselineValue, target, "");
    }

    Result withP50(double median) {
        return new Result(group, name, value, median, unit, baseline, baselineValue, ratio, target, verdict);
    }

    Result judged(boolean met) {
        return new Result(group, name, value, p50, unit, baseline, baselineValue, ratio, target,
                met ? "met" : "missed");
    }
}
