package dev.evals4j.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Chooses and builds the executor for a task (the Java answer to Phoenix's
 * {@code get_executor_on_sync_context}), and logs one line at DEBUG saying which and why (one per
 * method, so not at INFO; java.util.logging shows it with {@code dev.evals4j.level = FINE}):
 * <ol>
 *   <li>{@link SyncExecutor} when the current thread is already running a call of one of our
 *       executors: a nested concurrent executor must never starve or deadlock a pool;</li>
 *   <li>{@link SyncExecutor} when the caller asks for sync ({@link ExecutionSettings#runSync()});</li>
 *   <li>{@link AsyncExecutor} when the task is asynchronous or concurrency is on;</li>
 *   <li>{@link SyncExecutor} otherwise.</li>
 * </ol>
 * Every executor gets the settings' timeout per attempt. An asynchronous task run by a
 * {@code SyncExecutor} is awaited on the executor's call thread; its stage is cancelled when the
 * attempt times out or is abandoned. Stateless and thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class ExecutorFactory {

    private static final System.Logger LOG = System.getLogger(ExecutorFactory.class.getName());

    private ExecutorFactory() {}

    /** Which executor to use, and why. */
    public enum Kind {
        /** {@link AsyncExecutor}. */
        ASYNC,
        /** {@link SyncExecutor}. */
        SYNC
    }

    /**
     * The factory's decision.
     *
     * @param kind the executor chosen
     * @param reason why, in words fit for a log line
     */
    public record Choice(Kind kind, String reason) {

        /** Validates. */
        public Choice {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Decides, from the current thread and the caller's requests, without building or logging anything. */
    public static Choice choose(boolean asyncTask, ExecutionSettings settings) {
        if (WorkerThreads.isWorkerThread()) {
            return new Choice(Kind.SYNC, "already running inside an evals4j worker thread, where a nested"
                    + " concurrent executor could starve the outer one");
        }
        if (settings.runSync()) {
            return new Choice(Kind.SYNC, "sequential execution was requested");
        }
        if (asyncTask) {
            return new Choice(Kind.ASYNC, "the task is asynchronous");
        }
        if (settings.concurrent()) {
            return new Choice(Kind.ASYNC, "concurrency is on");
        }
        return new Choice(Kind.SYNC, "the task is synchronous and concurrency is off");
    }

    /** An executor for an asynchronous task, chosen as the class documentation says. */
    public static <I, O> Executor<I, O> forAsync(AsyncTask<I, O> task, ExecutionSettings settings, O fallbackValue) {
        return forAsync(task, settings, fallbackValue, TokenMeter.none());
    }

    /**
     * An executor for an asynchronous task, chosen as the class documentation says, whose pacer learns
     * each call's tokens from {@code tokens} (a {@link SyncExecutor} does not pace).
     */
    public static <I, O> Executor<I, O> forAsync(AsyncTask<I, O> task, ExecutionSettings settings, O fallbackValue,
            TokenMeter<? super I, ? super O> tokens) {
        Objects.requireNonNull(task, "task");
        Choice choice = choose(true, settings);
        Executor<I, O> executor = choice.kind() == Kind.ASYNC
                ? async(AsyncExecutor.builder(task).tokens(tokens), settings, fallbackValue)
                : sync(awaiting(task, settings), settings, fallbackValue);
        log(choice, executor);
        return executor;
    }

    /** An executor for a blocking task, chosen as the class documentation says. */
    public static <I, O> Executor<I, O> forSync(SyncTask<I, O> task, ExecutionSettings settings, O fallbackValue) {
        return forSync(task, settings, fallbackValue, TokenMeter.none());
    }

    /**
     * An executor for a blocking task, chosen as the class documentation says, whose pacer learns each
     * call's tokens from {@code tokens} (a {@link SyncExecutor} does not pace).
     */
    public static <I, O> Executor<I, O> forSync(SyncTask<I, O> task, ExecutionSettings settings, O fallbackValue,
            TokenMeter<? super I, ? super O> tokens) {
        Objects.requireNonNull(task, "task");
        Choice choice = choose(false, settings);
        Executor<I, O> executor = choice.kind() == Kind.ASYNC
                ? async(AsyncExecutor.<I, O>forSync(task).tokens(tokens), settings, fallbackValue)
                : sync(task, settings, fallbackValue);
        log(choice, executor);
        return executor;
    }

    private static <I, O> Executor<I, O> async(AsyncExecutor.Builder<I, O> builder, ExecutionSettings settings,
            O fallbackValue) {
        return builder.strategy(settings.strategy().get())
                .pacer(settings.pacer().get())
                .retryPolicy(settings.retryPolicy())
                .classifiers(settings.classifiers())
                .timeout(settings.timeout())
                .exitOnError(settings.exitOnError())
                .fallbackValue(fallbackValue)
                .shutdownGrace(settings.shutdownGrace())
                .build();
    }

    private static <I, O> Executor<I, O> sync(SyncTask<I, O> task, ExecutionSettings settings, O fallbackValue) {
        return SyncExecutor.builder(task)
                .retryPolicy(settings.retryPolicy())
                .classifiers(settings.classifiers())
                .timeout(settings.timeout())
                .exitOnError(settings.exitOnError())
                .fallbackValue(fallbackValue)
                .shutdownGrace(settings.shutdownGrace())
                .build();
    }

    /** Runs an asynchronous task as a blocking one: starts it and awaits its stage, cancelling it when abandoned. */
    private static <I, O> SyncTask<I, O> awaiting(AsyncTask<I, O> task, ExecutionSettings settings) {
        long timeoutNanos = settings.timeout().toNanos();
        return (input, attempt) -> {
            CompletableFuture<O> future = task.call(input, attempt).toCompletableFuture();
            try {
                return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException abandoned) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw abandoned;
            } catch (TimeoutException timeout) {
                future.cancel(true);
                throw new TimeoutException("Attempt " + attempt.number() + " of item " + attempt.index()
                        + " exceeded the timeout of " + settings.timeout());
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof Exception exception) {
                    throw exception;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw failed;
            }
        };
    }

    private static void log(Choice choice, Executor<?, ?> executor) {
        LOG.log(Level.DEBUG, "evals4j uses {0}: {1}", executor, choice.reason());
    }
}
