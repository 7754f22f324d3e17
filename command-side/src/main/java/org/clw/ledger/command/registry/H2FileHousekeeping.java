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
 * durable before it is acknowledged. Without it nearly every commit leaves a chunk behind that one page keeps alive
 * (the event table's last leaf, an index leaf): about 20 KB per event. This runs the same rewrite on a thread of its
 * own; commits stay as they are.
 * <p>
 * H2 also keeps every chunk for its retention time (45 s) before it may reuse the chunk's space, trusting the
 * operating system to have written the file out by then; under a bulk load that window alone is gigabytes (45 s of
 * ~40 KB commits). This thread flushes the file itself every half second, as H2's documentation suggests for a shorter
 * retention, so two seconds hold the same promise; if a flush fails, H2's own retention time comes back.
 */
final class H2FileHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2FileHousekeeping.class);

    /** H2's own threshold: below this share of live bytes in the file's chunks, sparse chunks are rewritten. */
    static final int TARGET_FILL_RATE = 90;
    /** The live bytes rewritten per round, so a round holds H2's store lock only briefly. */
    static final int LIVE_BYTES_PER_ROUND = 1 << 20;
    static final long ROUND_MILLIS = 100;
    static final long FLUSH_EVERY_MILLIS = 500;
    /** Four flushes' worth: a chunk this old is on the disk, not only in the operating system's buffers. */
    static final int RETENTION_MILLIS = 2_000;

    /** Empty for PostgreSQL, an in-memory H2 or an H2 server: nothing to keep small in this process. */
    private final Optional<MVStore> store;
    private ScheduledExecutorService rounds;
    private int ownRetentionMillis;
    private long lastFlush;

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

    boolean keepsAFile() {
        return store.isPresent();
    }

    /**
     * One round: rewrites the live pages of the sparsest chunks and commits them (as H2's writer would), so that the
     * chunks they leave are freed at a later commit once H2's retention time has passed, however idle the service.
     */
    boolean compactRound() {
        return store.filter(open -> !open.isClosed()).map(open -> {
            try {
                boolean rewritten = open.compact(TARGET_FILL_RATE, LIVE_BYTES_PER_ROUND);
                if (rewritten) {
                    open.commit();
                }
                return rewritten;
            } catch (MVStoreException e) {
                if (open.isClosed()) {
                    return false;
                }
                throw e;
            }
        }).orElse(false);
    }

    @Override
    public void start() {
        if (store.isEmpty()) {
            return;
        }
        MVStore open = store.get();
        ownRetentionMillis = open.getFileStore().getRetentionTime();
        open.sync();
        lastFlush = System.nanoTime();
        open.getFileStore().setRetentionTime(RETENTION_MILLIS);
        rounds = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-file-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::compactRoundLogged, ROUND_MILLIS, ROUND_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void compactRoundLogged() {
        try {
            flushWhenDue();
            compactRound();
        } catch (RuntimeException e) {
            // A failed round leaves the file as it was (H2 rewrites pages copy-on-write); the next one tries again.
            log.warn("Compacting the registry's H2 file failed: {}", e.toString());
        }
    }

    private void flushWhenDue() {
        if (System.nanoTime() - lastFlush < TimeUnit.MILLISECONDS.toNanos(FLUSH_EVERY_MILLIS)) {
            return;
        }
        MVStore open = store.get();
        if (open.isClosed()) {
            return;
        }
        try {
            open.sync();
            lastFlush = System.nanoTime();
        } catch (MVStoreException e) {
            open.getFileStore().setRetentionTime(ownRetentionMillis);
            throw e;
        }
    }

    /** Before the data source closes, so that the close's own compaction runs alone. */
    @Override
    public void stop() {
        if (rounds == null) {
            return;
        }
        rounds.shutdownNow();
        try {
            rounds.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rounds = null;
        store.filter(open -> !open.isClosed())
                .ifPresent(open -> open.getFileStore().setRetentionTime(ownRetentionMillis));
    }

    @Override
    public boolean isRunning() {
        return rounds != null;
    }
}
