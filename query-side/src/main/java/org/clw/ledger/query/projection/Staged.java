package org.clw.ledger.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The writes that handling one event makes, held apart from its batch until the handler has finished: a handler that
 * throws leaves nothing behind, so an event that goes to the dead-letter queue and is retried later is applied once.
 * Obtained from {@link ProjectionBatch#stage()} and handed back with {@link ProjectionBatch#commit(Staged)}.
 */
public final class Staged {

    record Update<D>(String collection, String id, Class<D> type, Supplier<D> create, Predicate<D> change) {
    }

    record Replacement(String collection, String id, Object document) {
    }

    final List<Object> writes = new ArrayList<>();

    Staged() {
    }

    /**
     * Changes a document as the batch will see it by then, creating it first when it does not exist.
     *
     * @param change changes the document and says whether it changed anything
     */
    public <D> void update(String collection, String id, Class<D> type, Supplier<D> create, Predicate<D> change) {
        writes.add(new Update<>(collection, id, type, create, change));
    }

    /** Replaces a document whole. */
    public void replace(String collection, String id, Object document) {
        writes.add(new Replacement(collection, id, document));
    }
}
