package org.clw.ledger.query.referral;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.events.CaseEvent;
import org.springframework.stereotype.Component;

/**
 * A case as it stood at a past moment or version: its stored events up to there, folded by the very
 * {@link CaseSummary#apply} that builds the {@code cases} projection, so the two cannot drift. "At a moment" means
 * as recorded: the events the store had recorded by then.
 */
@Component
class CaseAsOf {

    private final EventStore eventStore;

    CaseAsOf(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    Optional<CaseSummary> at(String referralId, Instant moment) {
        return fold(referralId, event -> !event.getTimestamp().isAfter(moment));
    }

    Optional<CaseSummary> atVersion(String referralId, long version) {
        return fold(referralId, event -> event.getSequenceNumber() <= version)
                .filter(summary -> summary.version() == version);
    }

    private Optional<CaseSummary> fold(String referralId, Predicate<DomainEventMessage<?>> included) {
        CaseSummary summary = new CaseSummary();
        eventStore.readEvents(referralId, 0).asStream()
                .takeWhile(included)
                .filter(event -> event.getPayload() instanceof CaseEvent)
                .forEach(event -> summary.apply((CaseEvent) event.getPayload(), event.getSequenceNumber(), -1));
        return summary.exists() ? Optional.of(summary) : Optional.empty();
    }
}
