package org.clw.ledger.query.live;

import java.util.Set;

/**
 * The update of every live view: the ids of the documents (workers, settings, projections) that changed. A stream
 * answers it by asking its query again, so what it sends is always filtered by the subscriber's own scope.
 */
public record Changed(Set<String> ids) {

    public Changed {
        ids = Set.copyOf(ids);
    }
}
