package org.clw.ledger.standalone.demo;

import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * Runs many commands in one transaction of the command side's database, so that the event store's file takes one
 * durable commit per batch instead of one per command: each commit writes the changed pages of every index it
 * touched, which was most of a command's time when measured. A command's own transaction joins the batch's (Axon's
 * Spring transaction manager neither commits nor rolls back one it did not begin), and the registry's reads see the
 * batch's earlier writes, so every rule is checked as it would be one command at a time. Each command has a savepoint:
 * a refused one is rolled back alone, its neighbours kept. A batch ends after a number of commands or a time,
 * whichever comes first, so the row locks it holds (a worker's, for an allocation) keep a request waiting briefly.
 */
final class TransactionBatches {

    private final PlatformTransactionManager transactions;
    private final Cache aggregates;
    private final int commands;
    private final long longestNanos;
    private TransactionStatus batch;
    private int inBatch;
    private long batchBegun;

    /**
     * @param aggregates the command side's aggregate cache: after a commit fails, it holds states the store lost
     * @param commands   commands in a batch at most; 1 is a transaction per command
     * @param longest    how long a batch stays open at most
     */
    TransactionBatches(PlatformTransactionManager transactions, Cache aggregates, int commands, Duration longest) {
        if (commands < 1) {
            throw new IllegalArgumentException("A batch holds at least one command, not " + commands);
        }
        this.transactions = transactions;
        this.aggregates = aggregates;
        this.commands = commands;
        this.longestNanos = longest.toNanos();
    }

    /** Runs the command in the current batch; a refusal is rethrown after its writes, and only they, are undone. */
    void run(Runnable command) {
        if (batch == null) {
            batch = transactions.getTransaction(TransactionDefinition.withDefaults());
            inBatch = 0;
            batchBegun = System.nanoTime();
        }
        inBatch++;
        Object savepoint = batch.createSavepoint();
        try {
            command.run();
        } catch (RuntimeException refusal) {
            batch.rollbackToSavepoint(savepoint);
            throw refusal;
        }
        batch.releaseSavepoint(savepoint);
    }

    /** Commits the batch once full or open long enough: apart from {@link #run}, whose failures are refusals. */
    void commitWhenDue() {
        if (batch != null && (inBatch >= commands || System.nanoTime() - batchBegun >= longestNanos)) {
            commit();
        }
    }

    /** Makes every command run so far durable. */
    void commit() {
        if (batch == null) {
            return;
        }
        TransactionStatus committing = batch;
        batch = null;
        try {
            transactions.commit(committing);
        } catch (RuntimeException failure) {
            // The cached aggregates already applied the lost batch's events: reload them from the store instead.
            aggregates.removeAll();
            throw failure;
        }
    }

    /** For a run that stopped short: nothing of the open batch is kept. */
    void abandon() {
        if (batch != null) {
            TransactionStatus abandoned = batch;
            batch = null;
            aggregates.removeAll();
            transactions.rollback(abandoned);
        }
    }
}
