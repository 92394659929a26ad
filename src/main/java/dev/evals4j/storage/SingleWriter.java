package dev.evals4j.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The one thread that writes to a {@link JdbcResultStore}'s database, and the only user of its
 * write connection.
 *
 * <p>Callers put commands on a bounded queue. The thread takes whatever is queued (up to the batch
 * size) and commits the runs among it in one transaction, sent as one JDBC batch: a group commit,
 * which {@link #recordCommitted} callers learn of through their run's stage. Synchronous work
 * (experiment operations, score updates) and flush barriers run in queue order after the writes
 * before them are committed, each in its own transaction: its failure goes to its caller only.
 *
 * <p>When an asynchronous write fails, its transaction is rolled back, the failure is kept in the
 * {@link FailureLatch}, and from then on every command fails with it: nothing after a lost write
 * is stored as if nothing had happened.
 *
 * <p>Stopping is atomic with respect to submitting: a command is either accepted, and then queued
 * before the stop command (so the writer handles it before {@link #stop()} returns), or refused
 * with a {@link StoreException} saying that the store is closed. Submitters share the read side of
 * {@link #gate} while they check the state and queue their command; {@link #stop()} takes the write
 * side to mark the writer stopping and queue the stop command.
 *
 * <p>Thread-safe: any thread may call any method.
 */
final class SingleWriter {

    private sealed interface Command permits Upsert, Joined, Sync, Barrier, Stop {}

    /** A run to write; {@code committed}, when not {@code null}, completes once its transaction commits. */
    private record Upsert(RunRecord run, CompletableFuture<Void> committed) implements Command {}

    /** Work that joins the transaction of the next group commit; {@code result} completes once it commits. */
    private record Joined(String action, Transaction.SqlWork<?> work, CompletableFuture<Object> result)
            implements Command {}

    private record Sync(String action, Transaction.SqlWork<?> work, CompletableFuture<Object> result)
            implements Command {}

    private record Barrier(CompletableFuture<Object> done) implements Command {}

    private record Stop() implements Command {}

    private static final long LIVENESS_CHECK_MILLIS = 1_000;
    private static final int SETTLED_LEASES_PER_DELETE = 100;
    private static final System.Logger LOG = System.getLogger(SingleWriter.class.getName());

    private final Connection connection;
    private final SqlFailures sqlFailures;
    private final FailureLatch failures;
    private final BlockingQueue<Command> queue;
    private final int batchSize;
    private final Thread thread;
    /** The runs and joined work of the next group commit: the writer thread's. */
    private final List<Upsert> pendingRuns = new ArrayList<>();
    private final List<Joined> pendingWork = new ArrayList<>();
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    /** The upsert statement, prepared once; used by the writer thread only, closed with the connection. */
    private PreparedStatement upsert;
    /**
     * The completed runs written for {@link #runnerId} whose leases are not deleted yet (see
     * {@link LeaseSql#DELETE_SETTLED}): the writer thread's. A run written alone, without a transaction,
     * leaves its lease to the next transaction, which deletes them all; at most
     * {@value #SETTLED_LEASES_PER_DELETE} wait.
     */
    private final List<RunRecord> settledLeases = new ArrayList<>();
    /** {@link LeaseSql#DELETE_SETTLED}, prepared once like {@link #upsert}. */
    private PreparedStatement deleteSettled;
    /** The runner stored with each run written from now on, or {@code null}; set by any thread. */
    private volatile String runnerId;
    /** Written under the write side of {@link #gate}, read under either side. */
    private boolean stopping;
    /** The runs written and the commits that wrote them: the writer thread's until {@link #stop()} joined it. */
    private long runsWritten;
    private long runCommits;

    SingleWriter(Connection connection, SqlFailures sqlFailures, FailureLatch failures, StoreSettings settings) {
        this.connection = connection;
        this.sqlFailures = sqlFailures;
        this.failures = failures;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.batchSize = settings.batchSize();
        this.thread = new Thread(this::loop, "evals4j-store-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Names the runner that the runs written from now on are stored with. */
    void runner(String id) {
        runnerId = id;
    }

    /** Queues a run, already redacted (blocks while the queue is full). */
    void record(RunRecord run) {
        enqueue(new Upsert(run, null));
    }

    /**
     * Queues a run, already redacted, and answers a stage that completes when the transaction that
     * writes it commits (with the other runs queued with it: a group commit), or exceptionally with
     * the {@link StoreException} that lost it. Blocks while the queue is full.
     */
    CompletableFuture<Void> recordCommitted(RunRecord run) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        enqueue(new Upsert(run, committed));
        return committed;
    }

    /**
     * Replaces the scores of a stored run in a transaction of its own, after every queued write.
     *
     * @throws StoreException when no such run is stored; the store keeps working, as the update
     *     changed nothing
     */
    void updateScores(long experimentId, RunKey key, String scoresJson) {
        int updated = call("update the scores of run " + key + " of experiment " + experimentId,
                c -> RunSql.updateScores(c, experimentId, key, scoresJson));
        if (updated == 0) {
            throw new StoreException("Cannot update the scores of run " + key + " of experiment " + experimentId
                    + ": no such run is stored (re-score only stored runs)");
        }
    }

    /**
     * Runs {@code work} on the writer thread in the transaction of the next group commit, with the runs
     * queued with it, and answers a stage that completes with its result once that transaction commits,
     * or exceptionally with the {@link StoreException} that lost it. Short work only: the runs of that
     * commit wait for it. A failure of the work fails the transaction, and the store, as a lost write does.
     */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> joinNextCommit(String action, Transaction.SqlWork<T> work) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        enqueue(new Joined(action, work, result));
        return (CompletableFuture<T>) result;
    }

    /** Runs {@code work} in its own transaction on the writer thread, after every queued write, and returns its result. */
    @SuppressWarnings("unchecked")
    <T> T call(String action, Transaction.SqlWork<T> work) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        enqueue(new Sync(action, work, result));
        return (T) await(result);
    }

    /** Blocks until every write queued before this call is committed. */
    void flush() {
        CompletableFuture<Object> done = new CompletableFuture<>();
        enqueue(new Barrier(done));
        await(done);
    }

    /**
     * Commits what is queued, stops the thread and closes the connection. Every command accepted
     * before is handled (written, or failed into the latch) before this returns; every later one is
     * refused.
     */
    void stop() {
        gate.writeLock().lock();
        try {
            if (stopping) {
                return;
            }
            stopping = true;
            if (thread.isAlive()) {
                try {
                    putUninterruptibly(new Stop());
                } catch (StoreException writerAlreadyGone) {
                    // The writer thread died; its failure is in the latch.
                }
            }
        } finally {
            gate.writeLock().unlock();
        }
        joinUninterruptibly();
        LOG.log(System.Logger.Level.DEBUG, () -> "Wrote " + runsWritten + " runs to " + sqlFailures.location() + " in "
                + runCommits + " commits");
        try {
            if (upsert != null) {
                upsert.close();
            }
            if (deleteSettled != null) {
                deleteSettled.close();
            }
            connection.close();
        } catch (SQLException e) {
            failures.fail(sqlFailures.translate("close the database", e));
        }
    }

    private void enqueue(Command command) {
        gate.readLock().lock();
        try {
            failures.throwIfFailed();
            if (stopping) {
                throw new StoreException("The result store " + sqlFailures.location() + " is closed");
            }
            putUninterruptibly(command);
        } finally {
            gate.readLock().unlock();
        }
    }

    private Object await(CompletableFuture<Object> future) {
        while (true) {
            try {
                return future.get(LIVENESS_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof StoreException storeFailure) {
                    throw new StoreException(storeFailure.getMessage(), storeFailure);
                }
                throw new StoreException("Writing to " + sqlFailures.location() + " failed: " + cause, cause);
            } catch (TimeoutException e) {
                if (!thread.isAlive() && !future.isDone()) {
                    failures.throwIfFailed();
                    throw new StoreException("The writer thread of " + sqlFailures.location() + " has stopped");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("Interrupted while waiting for " + sqlFailures.location(), e);
            }
        }
    }

    private void loop() {
        List<Command> chunk = new ArrayList<>(batchSize);
        try {
            boolean stop = false;
            while (!stop) {
                chunk.add(queue.take());
                queue.drainTo(chunk, batchSize - 1);
                for (Command command : chunk) {
                    stop |= handle(command);
                }
                writePending();
                chunk.clear();
            }
        } catch (InterruptedException e) {
            failures.fail(new StoreException("The writer thread of " + sqlFailures.location() + " was interrupted"));
        } catch (RuntimeException | Error e) {
            failures.fail(new StoreException("The writer thread of " + sqlFailures.location() + " failed: " + e, e));
        } finally {
            chunk.addAll(queue);
            chunk.forEach(this::abandon);
        }
    }

    /** Handles one command; {@code true} for {@link Stop}. */
    private boolean handle(Command command) {
        if (command instanceof Upsert upsert) {
            pendingRuns.add(upsert);
            return false;
        }
        if (command instanceof Joined joined) {
            pendingWork.add(joined);
            return false;
        }
        writePending();
        if (command instanceof Barrier barrier) {
            complete(barrier.done(), () -> null);
        } else if (command instanceof Sync sync) {
            runSync(sync);
        }
        return command instanceof Stop;
    }

    private void writePending() {
        if (pendingRuns.isEmpty() && pendingWork.isEmpty()) {
            return;
        }
        int size = pendingRuns.size();
        List<Object> results = new ArrayList<>(pendingWork.size());
        if (failures.failure() == null) {
            try {
                writeAll(results);
                if (size > 0) {
                    runsWritten += size;
                    runCommits++;
                }
            } catch (SQLException e) {
                failures.fail(lost(size, sqlFailures.translate(describePending(), e)));
            } catch (StoreException e) {
                failures.fail(lost(size, e));
            }
        }
        StoreException failure = failures.failure();
        for (Upsert upsert : pendingRuns) {
            if (upsert.committed() != null) {
                if (failure == null) {
                    upsert.committed().complete(null);
                } else {
                    upsert.committed().completeExceptionally(failure);
                }
            }
        }
        for (int i = 0; i < pendingWork.size(); i++) {
            if (failure == null) {
                pendingWork.get(i).result().complete(results.get(i));
            } else {
                pendingWork.get(i).result().completeExceptionally(failure);
            }
        }
        pendingRuns.clear();
        pendingWork.clear();
    }

    /** What the pending transaction does, for the message of its failure. */
    private String describePending() {
        StringBuilder action = new StringBuilder("store ").append(pendingRuns.size()).append(" run records");
        pendingWork.forEach(joined -> action.append(" and ").append(joined.action()));
        return action.toString();
    }

    /**
     * Writes {@link #pendingRuns} with the prepared upsert, then runs {@link #pendingWork}, adding its
     * results to {@code results}: one run alone as one auto-committed statement (a statement is atomic on
     * its own), anything more in one transaction, the runs as one batch. Skipping the explicit transaction
     * of a single run saves the {@code BEGIN}/{@code COMMIT} round trips that otherwise cost more than the
     * write when a method records and flushes row by row.
     */
    private void writeAll(List<Object> results) throws SQLException {
        if (upsert == null) {
            upsert = connection.prepareStatement(RunSql.UPSERT);
        }
        String runner = runnerId;
        if (runner != null) {
            pendingRuns.stream().map(Upsert::run).filter(run -> run.status().isCompleted())
                    .forEach(settledLeases::add);
        }
        if (pendingRuns.size() == 1 && pendingWork.isEmpty() && settledLeases.size() < SETTLED_LEASES_PER_DELETE) {
            bind(pendingRuns.get(0).run(), runner);
            upsert.executeUpdate();
            return;
        }
        Transaction.run(connection, c -> {
            if (!pendingRuns.isEmpty()) {
                for (Upsert pendingRun : pendingRuns) {
                    bind(pendingRun.run(), runner);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            deleteSettledLeases(runner);
            for (Joined joined : pendingWork) {
                results.add(joined.work().run(c));
            }
            return null;
        });
    }

    /** Deletes the leases of {@link #settledLeases}, which {@code runner} may still hold, in the current transaction. */
    private void deleteSettledLeases(String runner) throws SQLException {
        if (settledLeases.isEmpty()) {
            return;
        }
        if (deleteSettled == null) {
            deleteSettled = connection.prepareStatement(LeaseSql.DELETE_SETTLED);
        }
        for (RunRecord run : settledLeases) {
            deleteSettled.setLong(1, run.experimentId());
            deleteSettled.setString(2, run.rowId());
            deleteSettled.setInt(3, run.repetition());
            deleteSettled.setString(4, runner);
            deleteSettled.addBatch();
        }
        deleteSettled.executeBatch();
        settledLeases.clear();
    }

    /** Binds {@code run} and the runner that records it to the upsert's parameters. */
    private void bind(RunRecord run, String runner) throws SQLException {
        RunSql.bind(upsert, run);
        if (runner == null) {
            upsert.setNull(RunSql.RUNNER_PARAMETER, Types.VARCHAR);
        } else {
            upsert.setString(RunSql.RUNNER_PARAMETER, runner);
        }
    }

    private StoreException lost(int writes, StoreException cause) {
        return new StoreException(cause.getMessage() + " [" + writes + " queued writes were not stored;"
                + " the store refuses further writes]", cause);
    }

    private void runSync(Sync sync) {
        complete(sync.result(), () -> {
            try {
                return Transaction.run(connection, sync.work());
            } catch (SQLException e) {
                throw sqlFailures.translate(sync.action(), e);
            }
        });
    }

    private void complete(CompletableFuture<Object> future, Supplier<Object> work) {
        StoreException failure = failures.failure();
        if (failure != null) {
            future.completeExceptionally(failure);
            return;
        }
        try {
            future.complete(work.get());
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }

    private void abandon(Command command) {
        StoreException failure = failures.failure() != null
                ? failures.failure()
                : new StoreException("The writer thread of " + sqlFailures.location() + " has stopped");
        if (command instanceof Barrier barrier) {
            barrier.done().completeExceptionally(failure);
        } else if (command instanceof Upsert upsert && upsert.committed() != null) {
            upsert.committed().completeExceptionally(failure);
        } else if (command instanceof Joined joined) {
            joined.result().completeExceptionally(failure);
        } else if (command instanceof Sync sync) {
            sync.result().completeExceptionally(failure);
        }
    }

    private void putUninterruptibly(Command command) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (queue.offer(command, LIVENESS_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    if (!thread.isAlive()) {
                        failures.throwIfFailed();
                        throw new StoreException("The writer thread of " + sqlFailures.location() + " has stopped");
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void joinUninterruptibly() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
