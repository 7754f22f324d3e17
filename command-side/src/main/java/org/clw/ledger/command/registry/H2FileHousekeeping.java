package org.clw.ledger.command.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the H2 file proportional to its live data while the service runs. H2 writes every commit as a new chunk and
 * frees a chunk only once none of its pages is live; rewriting the few live pages of sparse chunks is housekeeping that
 * H2 runs on its background writer, which it does not start at {@code WRITE_DELAY 0}, the setting that makes a command
 * durable before it is acknowledged. Without it about one commit in three leaves a chunk behind that one page keeps
 * alive (the event table's last leaf, an index leaf): about 20 KB per event. This runs the same rewrite on a thread of
 * its own; commits stay as they are.
 * <p>
 * H2 also reuses a dead chunk's space only once the chunk was written longer ago than its retention time (45 s), its
 * margin for the operating system to have written the file out; under a bulk load that window alone is gigabytes
 * (45 s of ~40 KB commits). H2 itself never forces the file to disk at {@code WRITE_DELAY 0}. This flushes it every
 * half second, as H2's documentation suggests for a shorter retention, and shortens the retention to two seconds only
 * while those flushes keep coming: if one fails or is late, H2's own retention time is back until the next one succeeds.
 * Acknowledged commits are safer against a power loss than before (on the disk within about half a second).
 */
final class H2FileHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2FileHousekeeping.class);

    /** H2's own threshold: below this share of live bytes in the file's chunks, sparse chunks are rewritten. */
    static final int TARGET_FILL_RATE = 90;
    /** The live bytes rewritten per round, so a round holds H2's store lock only briefly. */
    static final int LIVE_BYTES_PER_ROUND = 1 << 20;
    static final long ROUND_MILLIS = 100;
    static final long FLUSH_EVERY_MILLIS = 500;
    /** Four flushes' worth. */
    static final int SHORT_RETENTION_MILLIS = 2_000;
    /** H2's default ({@code RETENTION_TIME}), which it uses when nobody flushes its file. */
    static final int H2_RETENTION_MILLIS = 45_000;

    /** Empty for PostgreSQL, an in-memory H2 or an H2 server: nothing to keep small in this process. */
    private final Optional<MVStore> store;
    private ScheduledExecutorService threads;
    private volatile boolean running;
    private volatile long lastFlush;
    /** Whether this shortened H2's retention time (and so must give it back). */
    private volatile boolean shortened;

    H2FileHousekeeping(DataSource dataSource) {
        this.store = fileStoreOf(dataSource);
    }

    private static Optional<MVStore> fileStoreOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return Optional.empty();
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            return store.getFileStore() == null ? Optional.empty() : Optional.of(store);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the registry's database", e);
        }
    }

    /**
     * One round: rewrites the live pages of the sparsest chunks and commits them (as H2's writer would), so that the
     * chunks they leave are freed at a later commit, however idle the service. True if it rewrote anything.
     */
    boolean compactRound() {
        return open().map(open -> {
            if (shortened
                    && System.nanoTime() - lastFlush > TimeUnit.MILLISECONDS.toNanos(SHORT_RETENTION_MILLIS / 2)) {
                lengthenRetention(open);
            }
            boolean rewritten = open.compact(TARGET_FILL_RATE, LIVE_BYTES_PER_ROUND);
            if (rewritten) {
                open.commit();
            }
            return rewritten;
        }).orElse(false);
    }

    /** Forces the file to disk; only then may a chunk written two seconds ago be overwritten. */
    void flush() {
        open().ifPresent(open -> {
            try {
                open.sync();
            } catch (MVStoreException e) {
                lengthenRetention(open);
                throw e;
            }
            lastFlush = System.nanoTime();
            open.getFileStore().setRetentionTime(SHORT_RETENTION_MILLIS);
            shortened = true;
        });
    }

    private void lengthenRetention(MVStore open) {
        if (shortened) {
            open.getFileStore().setRetentionTime(H2_RETENTION_MILLIS);
            shortened = false;
        }
    }

    private Optional<MVStore> open() {
        return store.filter(open -> !open.isClosed());
    }

    @Override
    public void start() {
        if (store.isEmpty()) {
            return;
        }
        running = true;
        threads = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "h2-file-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        threads.scheduleWithFixedDelay(() -> logged(this::flush), 0, FLUSH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(() -> logged(this::compactRound), ROUND_MILLIS, ROUND_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void logged(Runnable work) {
        if (!running) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            // H2 rewrites pages copy-on-write: a failed round leaves the file as it was; the next one tries again.
            log.warn("Housekeeping of the registry's H2 file failed: {}", e.toString());
        }
    }

    /**
     * Before the data source closes, so that the close's own compaction runs alone. Without interrupting a round: an
     * interrupt inside H2's file I/O closes its channel, and with it the database.
     */
    @Override
    public void stop() {
        if (threads == null) {
            return;
        }
        running = false;
        threads.shutdown();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads = null;
        open().ifPresent(this::lengthenRetention);
    }

    @Override
    public boolean isRunning() {
        return threads != null;
    }
}
