package org.clw.ledger.command.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.clw.ledger.events.LedgerEvent;

/** Creating something under an id that exists is harmless when the content is the same, a conflict otherwise. */
public final class Creation {

    private Creation() {
    }

    public static void requireSameAsExisting(boolean same, String what, Object id) {
        if (!same) {
            throw conflict(what, id);
        }
    }

    /** The refusal of a creation under an id that exists with different content. */
    public static RuleViolation conflict(String what, Object id) {
        return new RuleViolation(what + " " + id + " already exists with different content");
    }

    /**
     * Applies the registration event, after checking {@code rules}, unless {@code existing} is one already: then the
     * same registration changes nothing and a different one is a conflict. Times aside, both must be equal.
     *
     * @param registration the registration event at a given time
     * @return the aggregate's version afterwards
     */
    public static <E extends LedgerEvent> long registerOnce(E existing, Function<Instant, E> registration,
            Clock clock, String what, Object id, Runnable rules) {
        if (existing != null) {
            requireSameAsExisting(registration.apply(existing.occurredAt()).equals(existing), what, id);
        } else {
            rules.run();
            AggregateLifecycle.apply(registration.apply(clock.instant()));
        }
        return AggregateLifecycle.getVersion();
    }
}
