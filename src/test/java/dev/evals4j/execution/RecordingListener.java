package dev.evals4j.execution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;

/** Records every callback, and the threads they came from. */
final class RecordingListener<I, O> implements ExecutionListener<I, O> {

    final List<Long> started = Collections.synchronizedList(new ArrayList<>());
    final List<Long> finishedOrder = Collections.synchronizedList(new ArrayList<>());
    final Map<Long, ExecutionDetails> details = new ConcurrentHashMap<>();
    final Map<Long, O> outputs = new ConcurrentHashMap<>();
    final List<String> failedAttempts = Collections.synchronizedList(new ArrayList<>());
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    volatile int duplicateFinishes;

    @Override
    public void itemStarted(long index, I input) {
        threads.add(Thread.currentThread());
        started.add(index);
    }

    @Override
    public void attemptFailed(long index, I input, int attempt, Throwable failure, boolean rateLimited,
            long retryDelayNanos) {
        threads.add(Thread.currentThread());
        failedAttempts.add(index + "#" + attempt + (rateLimited ? " rate-limited" : ""));
    }

    @Override
    public CompletionStage<?> itemFinished(long index, I input, O output, ExecutionDetails itemDetails) {
        threads.add(Thread.currentThread());
        if (details.put(index, itemDetails) != null) {
            duplicateFinishes++;
        }
        if (output != null) {
            outputs.put(index, output);
        }
        finishedOrder.add(index);
        return ExecutionListener.nothingHeld();
    }

    @Override
    public void concurrencyChanged(long tickerNanos, int inFlight, int limit) {
        threads.add(Thread.currentThread());
    }
}
