package org.clw.ledger.standalone.demo;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded chance: the same seed plays out the same programme. */
final class Dice {

    private final SplittableRandom random;

    Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int between(int low, int highInclusive) {
        return random.nextInt(low, highInclusive + 1);
    }

    double uniform() {
        return random.nextDouble();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** One of the keys, with probability proportional to its weight. */
    <T> T weighted(Map<T, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double roll = random.nextDouble() * total;
        T last = null;
        for (Map.Entry<T, Double> entry : weights.entrySet()) {
            last = entry.getKey();
            roll -= entry.getValue();
            if (roll < 0) {
                return last;
            }
        }
        return last;
    }

    /** A count with a geometric tail: at least {@code minimum}, on average {@code mean}. */
    int geometric(int minimum, double mean) {
        double continueProbability = 1 - 1 / (mean - minimum + 1);
        int count = minimum;
        while (random.nextDouble() < continueProbability && count < minimum + 30) {
            count++;
        }
        return count;
    }
}
