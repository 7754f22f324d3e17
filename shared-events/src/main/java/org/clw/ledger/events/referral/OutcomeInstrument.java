package org.clw.ledger.events.referral;

import java.util.List;
import java.util.Optional;

/** The validated wellbeing scales a case records, with the shape of their answers. */
public enum OutcomeInstrument {
    /** Warwick-Edinburgh Mental Wellbeing Scale. */
    WEMWBS(14, 1, 5),
    /** Short Warwick-Edinburgh Mental Wellbeing Scale. */
    SWEMWBS(7, 1, 5),
    /** The ONS four personal wellbeing questions. */
    ONS4(4, 0, 10);

    private final int items;
    private final int minAnswer;
    private final int maxAnswer;

    OutcomeInstrument(int items, int minAnswer, int maxAnswer) {
        this.items = items;
        this.minAnswer = minAnswer;
        this.maxAnswer = maxAnswer;
    }

    public int items() {
        return items;
    }

    /** Why these answers do not fit the instrument, or empty when they do. */
    public Optional<String> problemWith(List<Integer> answers) {
        if (answers == null || answers.size() != items) {
            return Optional.of(name() + " needs exactly " + items + " answers");
        }
        for (Integer answer : answers) {
            if (answer == null || answer < minAnswer || answer > maxAnswer) {
                return Optional.of(name() + " answers must each be between " + minAnswer + " and " + maxAnswer);
            }
        }
        return Optional.empty();
    }

    /** The instrument's total: the sum of its items. */
    public int score(List<Integer> answers) {
        return answers.stream().mapToInt(Integer::intValue).sum();
    }
}
