package org.clw.ledger.query.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.clw.ledger.events.CaseEvent;
import org.clw.ledger.privacy.PersonalDetailsCipher;
import org.clw.ledger.query.directory.DirectoryNames;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * A case as it stood at a past moment or version: its stored events up to there, folded by the very
 * {@link CaseState#next} that builds the {@code cases} projection, so the two cannot drift. "At a moment" means
 * as recorded: the events the store had recorded by then. Its position is where the read model read that version's
 * event, so the body is the one the live case had then.
 */
@Component
class CaseAsOf {

    private final EventStore eventStore;
    private final MongoOperations mongo;
    private final PersonalDetailsCipher cipher;
    private final DirectoryNames directory;

    CaseAsOf(EventStore eventStore, MongoOperations mongo, PersonalDetailsCipher cipher, DirectoryNames directory) {
        this.eventStore = eventStore;
        this.mongo = mongo;
        this.cipher = cipher;
        this.directory = directory;
    }

    Optional<CaseBody> at(String referralId, Instant moment) {
        return fold(referralId, event -> !event.getTimestamp().isAfter(moment));
    }

    Optional<CaseBody> atVersion(String referralId, long version) {
        return fold(referralId, event -> event.getSequenceNumber() <= version)
                .filter(body -> body.version() == version);
    }

    private Optional<CaseBody> fold(String referralId, Predicate<DomainEventMessage<?>> included) {
        CaseState state = CaseState.none();
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(referralId, 0).asStream()
                .takeWhile(included).toList();
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof CaseEvent caseEvent) {
                state = state.next(caseEvent, event.getSequenceNumber()).orElse(state);
            }
        }
        if (!state.exists()) {
            return Optional.empty();
        }
        CaseSummary live = mongo.findById(referralId, CaseSummary.class, CaseSummary.COLLECTION);
        return Optional.of(CaseBody.of(state, live == null ? -1 : live.positionOf(state.version()), cipher,
                directory));
    }
}
