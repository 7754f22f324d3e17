package org.clw.ledger.query.projection;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-behind for the {@code cases} group while it is far behind the event store's head (a rebuild, a start on a long
 * store, a catch-up after a bulk import): a batch is carried into the processor's next batches instead of being
 * written at the end of each, so a document that many batches change (a month's counts, a worker's caseload, an hour
 * of the audit trail) is written once instead of once per batch. It is written, journal and all
 * ({@link ProjectionBatch#flush}), when a bound is reached, when a batch ends within {@link #margin} events of the
 * head, or when the processor releases its claim (a stop).
 *
 * <p>The group's token is held back meanwhile ({@link WriteBehindTokenStore}): the token of a carrying batch is not
 * stored (the claim is extended instead), and a token stored otherwise while something is carried (events the group
 * ignores, an idle claim renewal) writes what is carried first. So the stored token never passes a change that is not
 * written, and a crash at any point replays from the last written batch, whose documents are all or nothing. A batch
 * rolled back, or a claim taken afresh, drops what is carried: its events are after the stored token and are
 * processed again.
 *
 * <p>Only {@link #GROUP}: it handles every event type stored, so the batch that holds the head's events is its own
 * and writes what is carried (a group that ignores the store's last events would get no batch to do it); and only
 * while one instance processes the whole stream in one segment, so its batches follow each other on one thread.
 * Bounded by events and by documents held, the latter from the heap ({@link #DOCUMENT_ALLOWANCE} each: the largest
 * read-model documents are tens of KB, more as Java objects).
 */
final class WriteBehind {

    static final String GROUP = "cases";
    /** Heap allowed per held document: 4,096 documents under the standalone system's 512 MiB. */
    static final long DOCUMENT_ALLOWANCE = 128 * 1024;
    /** Documents held at most, however large the heap. */
    static final int MAX_DOCUMENTS = 50_000;
    /** How old the head read may be before it is read again: once a second at most, so live batches cost nothing. */
    private static final long HEAD_MAX_AGE_NANOS = 1_000_000_000L;

    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);

    private enum State {
        /** Nothing carried. */
        NONE,
        /** A batch that took in what was carried is being handled. */
        OPEN,
        /** A batch chose to carry; its token, about to be stored, is held back. */
        AWAITING_TOKEN,
        /** Carried between batches, its last token held back. */
        CARRIED
    }

    private final LongSupplier head;
    private final Consumer<Map<String, Set<String>>> written;
    private final long margin;
    private final int maxEvents;
    private final int maxDocuments;

    /** Read without the lock by readiness and progress, which must not wait for a flush. */
    private volatile State state = State.NONE;
    private ProjectionBatch pending;
    private TrackingToken heldBack;
    private long knownHead = -1;
    private long headReadAt;
    private boolean headRead;

    /**
     * @param head         the position of the newest event in the store
     * @param written      told of the documents a carried batch wrote, once they are readable
     * @param margin       events from the head within which every batch writes what it holds
     * @param maxEvents    events carried at most; 0 carries nothing
     * @param maxDocuments documents held at most
     */
    WriteBehind(LongSupplier head, Consumer<Map<String, Set<String>>> written, long margin, int maxEvents,
            int maxDocuments) {
        this.head = head;
        this.written = written;
        this.margin = margin;
        this.maxEvents = maxEvents;
        this.maxDocuments = maxDocuments;
    }

    /** Documents held at most under this JVM's heap. */
    static int documentsForHeap() {
        return (int) Math.min(MAX_DOCUMENTS, Runtime.getRuntime().maxMemory() / DOCUMENT_ALLOWANCE);
    }

    /** Whether changes are held that are not written yet: the group is not caught up, whatever its position. */
    boolean carrying() {
        return state != State.NONE;
    }

    /**
     * The carried batch, taking in the processor's next batch; null when nothing is carried. Dropped instead when it
     * already holds the new batch's first event: the processor started again from its stored token, behind it.
     */
    synchronized ProjectionBatch takeUp(List<? extends Message<?>> messages) {
        if (state != State.CARRIED) {
            // OPEN or AWAITING_TOKEN here: the last batch neither committed nor rolled back; its events come again.
            clear();
            return null;
        }
        if (heldBack != null && !messages.isEmpty() && messages.get(0) instanceof TrackedEventMessage<?> first
                && heldBack.covers(first.trackingToken())) {
            clear();
            return null;
        }
        pending.next(messages);
        state = State.OPEN;
        return pending;
    }

    /**
     * Whether this batch, all of whose events are handled, is carried into the next instead of written: within the
     * bounds, more than {@link #margin} events short of the head, and processing the whole stream on one thread.
     */
    synchronized boolean mayCarry(ProjectionBatch batch, BooleanSupplier wholeStream) {
        if (batch.events() >= maxEvents || batch.documents() >= maxDocuments) {
            return false;
        }
        long position = Positions.of(batch.last());
        if (position < 0) {
            return false;
        }
        // A head read earlier is a lower bound of the head now: far from it means far from the head.
        if (knownHead - position <= margin && (!headRead || System.nanoTime() - headReadAt > HEAD_MAX_AGE_NANOS)) {
            headReadAt = System.nanoTime();
            headRead = true;
            try {
                knownHead = head.getAsLong();
            } catch (RuntimeException unavailable) {
                // The store is out of reach: written now, as without write-behind.
                return false;
            }
        }
        return knownHead - position > margin && wholeStream.getAsBoolean();
    }

    /** The batch goes on into the processor's next; the token about to be stored for it is held back. */
    synchronized void carry(ProjectionBatch batch) {
        pending = batch;
        state = State.AWAITING_TOKEN;
    }

    /** The batch holding what was carried has written it all itself: its token is stored as usual. */
    synchronized void writtenByBatch() {
        clear();
    }

    /** Drops what is carried: its events come after the stored token and are processed again. */
    synchronized void discard() {
        if (state != State.NONE) {
            log.debug("Dropping {} carried events of {}; they are processed again from its stored token",
                    pending.events(), GROUP);
        }
        clear();
    }

    /**
     * Before a token of the group is stored: true when it is to be held back (the claim extended instead), the
     * carrying batch's own or one stored while a batch is open; otherwise what is carried is written first (the
     * processor moved on without a batch of its own), so the token stored never passes an unwritten change.
     */
    synchronized boolean holdBack(TrackingToken token) {
        switch (state) {
            case AWAITING_TOKEN -> {
                heldBack = token;
                state = State.CARRIED;
                return true;
            }
            case OPEN -> {
                return true;
            }
            case CARRIED -> {
                writeOut();
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * When the processor releases its claim (a stop): writes what is carried and gives the token to store with it;
     * null when nothing is, or when a batch was cut short (its events are processed again).
     */
    synchronized TrackingToken release() {
        if (state != State.CARRIED) {
            discard();
            return null;
        }
        TrackingToken token = heldBack;
        writeOut();
        return token;
    }

    /**
     * Writes what is carried, still carrying until it is written; if that fails, drops it and fails the caller: its
     * events are processed again.
     */
    private void writeOut() {
        Map<String, Set<String>> documents;
        try {
            documents = pending.flush();
        } finally {
            clear();
        }
        if (!documents.isEmpty()) {
            written.accept(documents);
        }
    }

    private void clear() {
        state = State.NONE;
        pending = null;
        heldBack = null;
    }
}
