package dev.evals4j.bench;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The rows the JUnit contender is running now. Jupiter instantiates {@link JupiterParallelEvals}
 * itself, so the workload reaches it through the static {@link #current()} batch.
 *
 * <p>Thread-safe: Jupiter's worker threads call {@link #call} concurrently; the in-flight count
 * and its trace are guarded by this batch's lock.
 */
final class JupiterBatch {

    private static volatile JupiterBatch current;

    private final Workload workload;
    private final long deadlineNanos;
    private final ConcurrencyTrace trace;
    private int inFlight;

    private JupiterBatch(Workload workload, long deadlineNanos, ConcurrencyTrace trace) {
        this.workload = workload;
        this.deadlineNanos = deadlineNanos;
        this.trace = trace;
    }

    /** Makes {@code workload} the current batch; rows that would start after {@code deadlineNanos} are aborted. */
    static void install(Workload workload, long deadlineNanos, ConcurrencyTrace trace) {
        current = new JupiterBatch(workload, deadlineNanos, trace);
    }

    /** Forgets the current batch. */
    static void clear() {
        current = null;
    }

    /** The current batch. */
    static JupiterBatch current() {
        JupiterBatch batch = current;
        if (batch == null) {
            throw new IllegalStateException("no JUnit benchmark batch installed: run JupiterParallelEvals through "
                    + JupiterParallelContender.class.getSimpleName());
        }
        return batch;
    }

    /** The prompts of the batch's rows. */
    List<String> prompts() {
        return workload.prompts();
    }

    /**
     * Makes one call the way a test would: blocking, with the client's timeout (the scenario's
     * per-call timeout), no retry. A row that would start after the time cap is aborted (it counts
     * as lost).
     *
     * @throws IOException the client's failure: a 429, a 5xx, a timeout
     * @throws InterruptedException if Jupiter interrupts the worker
     */
    void call(String prompt) throws IOException, InterruptedException {
        if (System.nanoTime() - deadlineNanos > 0) {
            Assumptions.abort("the benchmark's time cap has passed");
        }
        adjustInFlight(+1);
        try {
            workload.client().complete(prompt);
        } finally {
            adjustInFlight(-1);
        }
    }

    private synchronized void adjustInFlight(int delta) {
        inFlight += delta;
        trace.record(System.nanoTime(), inFlight, ConcurrencyTrace.NO_LIMIT);
    }
}
