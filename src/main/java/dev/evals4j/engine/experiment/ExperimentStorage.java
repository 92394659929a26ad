package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.ResultStores;
import dev.evals4j.storage.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * The one {@link ResultStore} of an engine execution: opened on first use from the
 * {@code evals4j.storage} value (see {@link ResultStores#open(String, Path)}) and closed when the
 * execution ends, also after a failure.
 *
 * <p>While the store is open, a JVM shutdown hook (Ctrl-C, SIGTERM) marks the execution as shutting
 * down and waits, at most the executor's grace period plus {@link #CLOSE_MARGIN}, for the execution
 * to record the end of its running method and close the store; the executor's own hook stops the
 * rows meanwhile. So the store keeps every completed row and the experiment ends {@code INTERRUPTED}.
 *
 * <p>Thread-safe: the engine thread opens and closes; the shutdown hook only reads the flag and waits.
 */
@API(status = INTERNAL, since = "0.1")
public final class ExperimentStorage implements AutoCloseable {

    /** How long the shutdown hook waits beyond the grace period for the last writes and the close. */
    public static final Duration CLOSE_MARGIN = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(ExperimentStorage.class.getName());

    private final String spec;
    private final Path projectDir;
    private final Instant executionStart;
    private final Duration shutdownGrace;
    private final ExperimentConfig config;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean shuttingDown;
    private ResultStore store;
    private RuntimeException openFailure;
    private Thread shutdownHook;

    /**
     * Storage that opens {@code spec} under {@code projectDir} when first asked.
     *
     * @param spec the {@code evals4j.storage} value: {@code sqlite}, {@code none} or a JDBC URL
     * @param projectDir where the default SQLite file lives (the working directory under Maven)
     * @param executionStart when the execution started, which names experiments without a name
     * @param config the experiment keys of the execution (the shutdown grace, a rescoring)
     */
    public ExperimentStorage(String spec, Path projectDir, Instant executionStart, ExperimentConfig config) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
        this.executionStart = Objects.requireNonNull(executionStart, "executionStart");
        this.config = Objects.requireNonNull(config, "config");
        this.shutdownGrace = config.shutdownGrace();
    }

    /** The experiment keys of the execution. */
    public ExperimentConfig config() {
        return config;
    }

    /** How long the executor lets calls in flight finish after a stop. */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    /** When the execution started. */
    public Instant executionStart() {
        return executionStart;
    }

    /**
     * The store, opened on the first call.
     *
     * @throws StoreException when it cannot be opened (the message names the file or URL); every
     *     later call throws the same failure
     */
    public synchronized ResultStore store() {
        if (openFailure != null) {
            throw openFailure;
        }
        if (store == null) {
            try {
                store = ResultStores.open(spec, projectDir);
            } catch (RuntimeException e) {
                openFailure = e;
                throw e;
            }
            shutdownHook = new Thread(this::awaitClose, "evals4j-store-shutdown");
            try {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                shuttingDown = true;
                shutdownHook = null;
            }
        }
        return store;
    }

    /** Whether the JVM is shutting down (Ctrl-C, SIGTERM) while the store is open. */
    public boolean isShuttingDown() {
        return shuttingDown;
    }

    /**
     * Flushes and closes the store if it was opened. Closing twice is harmless.
     *
     * @throws StoreException when the last writes could not be made durable
     */
    @Override
    public synchronized void close() {
        ResultStore open = store;
        store = null;
        try {
            if (open != null) {
                open.close();
            }
        } finally {
            closed.countDown();
            removeHook();
        }
    }

    private void removeHook() {
        if (shutdownHook != null && !shuttingDown) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: it waits for the latch just released
            }
        }
        shutdownHook = null;
    }

    private void awaitClose() {
        shuttingDown = true;
        try {
            if (!closed.await(shutdownGrace.plus(CLOSE_MARGIN).toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "The results store " + spec + " was not closed within "
                        + shutdownGrace.plus(CLOSE_MARGIN) + " of the shutdown; rows in flight may run again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
