package org.clw.ledger.query.uptake;

import java.util.List;
import java.util.Map;
import org.clw.ledger.events.linking.Need;

/**
 * Uptake figures as published: a count withheld by disclosure control is null and named in {@code withheld}; the
 * uptake rate is null when there is no outcome or either of its counts is withheld.
 *
 * @param uptakeRate taken up / outcomes recorded
 * @param needs      onward referrals made per need (directory services and organisations only; empty for gaps)
 */
record Figures(Long made, Long outcomesRecorded, Long takenUp, Long notTakenUp, Double uptakeRate,
               Map<Need, Long> needs, List<String> withheld) {

    static final String MADE = "made";
    static final String OUTCOMES = "outcomesRecorded";
    static final String TAKEN_UP = "takenUp";
    static final String NOT_TAKEN_UP = "notTakenUp";
    static final String NEEDS = "needs.";

    static Figures exact(Tally tally) {
        return new Figures(tally.made(), tally.outcomes(), tally.takenUp(), tally.notTakenUp(),
                rate(tally.takenUp(), tally.outcomes()), java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tally.needs())), List.of());
    }

    static Double rate(Long takenUp, Long outcomes) {
        return takenUp == null || outcomes == null || outcomes == 0 ? null : (double) takenUp / outcomes;
    }
}
