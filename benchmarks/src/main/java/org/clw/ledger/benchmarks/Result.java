package org.clw.ledger.benchmarks;

/**
 * One measured figure against its baseline measured in the same run.
 *
 * @param ratio  value / baseline
 * @param target what the figure should reach, in words
 */
record Result(String group, String name, double value, String unit, String baseline, double baselineValue,
              double ratio, String target) {

    static Result of(String group, String name, double value, String unit, String baseline, double baselineValue,
            String target) {
        return new Result(group, name, value, unit, baseline, baselineValue,
                baselineValue == 0 || Double.isNaN(baselineValue) ? Double.NaN : value / baselineValue, target);
    }
}
