package org.clw.ledger.query.projection;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * For plain tests of views: documents kept in memory and changed by staged writes as a {@link ProjectionBatch}
 * changes them (create when absent, then change), without Spring or Mongo.
 */
public final class MemoryBatch {

    private final Map<String, Map<String, Object>> documents = new HashMap<>();

    public Staged stage() {
        return new Staged();
    }

    /** Applies an event's staged writes in the order they were staged; returns how many documents they changed. */
    public int commit(Staged staged) {
        int changed = 0;
        for (Object write : staged.writes) {
            if (write instanceof Staged.Update<?> update) {
                changed += apply(update) ? 1 : 0;
            } else if (write instanceof Staged.Replacement replacement) {
                documents.computeIfAbsent(replacement.collection(), name -> new HashMap<>())
                        .put(replacement.id(), replacement.document());
                changed++;
            }
        }
        return changed;
    }

    private <D> boolean apply(Staged.Update<D> update) {
        Map<String, Object> collection = documents.computeIfAbsent(update.collection(), name -> new HashMap<>());
        D document = find(update.collection(), update.id(), update.type()).orElseGet(update.create());
        if (update.change().test(document)) {
            collection.put(update.id(), document);
            return true;
        }
        return false;
    }

    public <D> Optional<D> find(String collection, String id, Class<D> type) {
        return Optional.ofNullable(documents.getOrDefault(collection, Map.of()).get(id)).map(type::cast);
    }

    /** The ids of a collection's documents. */
    public Set<String> ids(String collection) {
        return documents.getOrDefault(collection, Map.of()).keySet();
    }
}
