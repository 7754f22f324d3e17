package org.clw.ledger.command.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.clw.ledger.events.EventHash;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Chains each aggregate's events as they are stored: every event gets the hash of its predecessor, its content
 * and its audit metadata ({@link EventHash}) in its metadata. Runs on the event store's dispatch, after Axon has
 * added the command's correlation metadata and before the events are appended, over all the events a command
 * produced, in order.
 */
@Component
class HashChain implements MessageDispatchInterceptor<EventMessage<?>>, SmartInitializingSingleton {

    private final EventStore eventStore;

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
        List<EventMessage<?>> chained = messages.stream().<EventMessage<?>>map(message -> {
            if (!(message instanceof DomainEventMessage<?> event)) {
                return message;
            }
            String previous = lastHash.computeIfAbsent(event.getAggregateIdentifier(),
                    aggregate -> storedHashBefore(event));
            String hash = EventHash.of(previous, event.getAggregateIdentifier(), event.getSequenceNumber(),
                    event.getPayload(), event.getMetaData());
            lastHash.put(event.getAggregateIdentifier(), hash);
            return event.andMetaData(Map.of(EventHash.PREVIOUS_KEY, previous, EventHash.METADATA_KEY, hash));
        }).toList();
        return (index, message) -> chained.get(index);
    }

    private String storedHashBefore(DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            return EventHash.GENESIS;
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
