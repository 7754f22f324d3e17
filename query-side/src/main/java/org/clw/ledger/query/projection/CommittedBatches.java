package org.clw.ledger.query.projection;

import java.util.Map;
import java.util.Set;

/**
 * Told of every projection batch once its unit of work has committed, so after its documents are readable: live
 * views push their changes from here, and never before a reader could see them.
 */
public interface CommittedBatches {

    /** @param written the ids of the documents the batch wrote, by collection; never empty */
    void committed(Map<String, Set<String>> written);
}
