package org.clw.ledger.query.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.TrackingToken;

/**
 * During a replay, a group's batch is carried over to the processor's next batches instead of being written at the
 * end of each: a document that many batches change (a month's counts, a worker's caseload, a busy case) is written
 * once instead of once per batch. The processor's token is held back meanwhile ({@link WriteBehindTokenStore}): it is
 * stored only with the batch that writes everything carried, so the stored token never passes an unwritten change and
 * a crash, a stop or a failed batch simply replays from the last written batch (whose documents are all or nothing).
 * Whatever is carried when the group's claim is released or its batch rolls back is dropped, and so is a carried batch
 * that already took in the event a batch starts with (the processor started again from the token it stored).
 *
 * <p>Bounded: at most {@link #maxEvents} events and {@link #maxDocuments} documents held (read or changed), the latter
 * from the heap ({@link #DOCUMENT_ALLOWANCE} each, since the largest read-model documents are tens of KB).
 */
final class WriteBehind {

    /** Events carried before the batch is written whatever its size. */
    static final int MAX_EVENTS = 20_000;
    /** Heap allowed per held document; 4,096 documents under a 512 MiB heap. */
    static final long DOCUMENT_ALLOWANCE = 128 * 1024;
    /** Documents held at most, however large the heap. */
    static final int MAX_DOCUMENTS = 50_000;

    private final Map<String, Carried> carried = new ConcurrentHashMap<>();
    private final int maxEvents;
    private final int maxDocuments;

    WriteBehind() {
        this(MAX_EVENTS, (int) Math.min(MAX_DOCUMENTS, Runtime.getRuntime().maxMemory() / DOCUMENT_ALLOWANCE));
    }

    WriteBehind(int maxEvents, int maxDocuments) {
        this.maxEvents = maxEvents;
        this.maxDocuments = maxDocuments;
    }

    /** A batch carried over, its token held back. */
    private static final class Carried {
        final ProjectionBatch batch;
        final Runnable writeOut;
        /** The carrying batch's own token is yet to be stored (and held back). */
        boolean holdNextStore = true;

        Carried(ProjectionBatch batch, Runnable writeOut) {
            this.batch = batch;
            this.writeOut = writeOut;
        }
    }

    /** Whether a batch that has handled this many events and holds this many documents may be carried further. */
    boolean mayCarry(ProjectionBatch batch) {
        return batch.events() < maxEvents && batch.documents() < maxDocuments;
    }

    /**
     * Carries the group's batch over to its next; its token, about to be stored, is held back instead.
     *
     * @param writeOut writes the batch, should the token be stored before the batch goes on (see {@link #beforeStore})
     */
    void carry(String group, ProjectionBatch batch, Runnable writeOut) {
        carried.put(group, new Carried(batch, writeOut));
    }

    /**
     * The batch carried over to this group's next, taken; null when none is, or when what is carried already took in
     * the next batch's first event: the processor started again from its stored token (held back), so what it carried
     * is processed again and dropped here.
     */
    ProjectionBatch take(String group, TrackingToken next) {
        Carried taken = carried.remove(group);
        if (taken == null || next != null && taken.batch.last() != null && taken.batch.last().covers(next)) {
            return null;
        }
        return taken.batch;
    }

    /** Drops what the group carries: its token was held back, so the events are processed again. */
    void discard(String group) {
        carried.remove(group);
    }

    /**
     * Before the group's token is stored: true when the store is the carrying batch's own, to be held back (the
     * claim is extended instead); otherwise a carried batch is written first (the processor moved on without a batch
     * of its own: events the group ignores), so the token never passes an unwritten change.
     */
    boolean beforeStore(String group) {
        Carried current = carried.get(group);
        if (current == null) {
            return false;
        }
        if (current.holdNextStore) {
            current.holdNextStore = false;
            return true;
        }
        carried.remove(group);
        current.writeOut.run();
        return false;
    }
}
