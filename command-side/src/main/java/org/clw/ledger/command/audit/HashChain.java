package org.clw.ledger.command.audit;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.clw.ledger.events.EventHash;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Chains each aggregate's events as they are stored: every event gets the hash of its predecessor, its content
 * and its audit metadata ({@link EventHash}) in its metadata. Runs on the event store's dispatch, after Axon has
 * added the command's correlation metadata and before the events are appended, over all the events a command
 * produced, in order. The last link of recently used aggregates is remembered once committed, so a command need
 * not read its predecessor back from the store; a remembered link is used only when it is exactly the predecessor.
 */
@Component
class HashChain implements MessageDispatchInterceptor<EventMessage<?>>, SmartInitializingSingleton {

    private static final int REMEMBERED_AGGREGATES = 10_000;

    private final EventStore eventStore;
    private final Map<String, Link> lastLinks = Collections.synchronizedMap(
            new LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
                    return size() > REMEMBERED_AGGREGATES;
                }
            });

    private record Link(long sequence, String hash) {
    }

    HashChain(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public void afterSingletonsInstantiated() {
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, String> lastHash = new HashMap<>();
        Map<String, Link> committed = new HashMap<>();
        List<EventMessage<?>> chained = messages.stream().<EventMessage<?>>map(message -> {
            if (!(message instanceof DomainEventMessage<?> event)) {
                return message;
            }
            String previous = lastHash.computeIfAbsent(event.getAggregateIdentifier(),
                    aggregate -> storedHashBefore(event));
            String hash = EventHash.of(previous, event.getAggregateIdentifier(), event.getSequenceNumber(),
                    event.getPayload(), event.getMetaData());
            lastHash.put(event.getAggregateIdentifier(), hash);
            committed.put(event.getAggregateIdentifier(), new Link(event.getSequenceNumber(), hash));
            return event.andMetaData(Map.of(EventHash.PREVIOUS_KEY, previous, EventHash.METADATA_KEY, hash));
        }).toList();
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(done -> lastLinks.putAll(committed)));
        return (index, message) -> chained.get(index);
    }

    private String storedHashBefore(DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            return EventHash.GENESIS;
        }
        Link remembered = lastLinks.get(event.getAggregateIdentifier());
        if (remembered != null && remembered.sequence() == event.getSequenceNumber() - 1) {
            return remembered.hash();
        }
        DomainEventStream stored = eventStore.readEvents(event.getAggregateIdentifier(),
                event.getSequenceNumber() - 1);
        if (!stored.hasNext()) {
            throw new IllegalStateException("Event " + (event.getSequenceNumber() - 1) + " of "
                    + event.getAggregateIdentifier() + " is missing; the hash chain cannot continue");
        }
        Object hash = stored.next().getMetaData().get(EventHash.METADATA_KEY);
        return hash != null ? hash.toString() : EventHash.GENESIS;
    }
}
