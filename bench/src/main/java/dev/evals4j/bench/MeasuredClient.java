package dev.evals4j.bench;

import dev.evals4j.sim.SimClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link SimClient} that records the latency and the completion instant of every successful call.
 *
 * <p>Thread-safe, like the client and the recorder it wraps; the completion instants are a synchronized list.
 */
public final class MeasuredClient {

    private final SimClient client;
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final List<Long> completionNanos = Collections.synchronizedList(new ArrayList<>());

    /** Wraps {@code client}. */
    public MeasuredClient(SimClient client) {
        this.client = client;
    }

    /** Sends {@code prompt}; the future completes with the answer or the client's exception. */
    public CompletableFuture<String> call(String prompt) {
        long start = System.nanoTime();
        return client.completeAsync(prompt).whenComplete((answer, failure) -> {
            if (failure == null) {
                succeeded(start);
            }
        });
    }

    /** Sends {@code prompt}; the future completes with the answer and its usage, or the client's exception. */
    public CompletableFuture<SimClient.Completion> chat(String prompt) {
        long start = System.nanoTime();
        return client.chatAsync(prompt).whenComplete((answer, failure) -> {
            if (failure == null) {
                succeeded(start);
            }
        });
    }

    /**
     * Sends {@code prompt} and waits for the answer, as a blocking test would.
     *
     * @throws IOException the client's failure: a 429, a 5xx, a timeout
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public String complete(String prompt) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String answer = client.complete(prompt);
        succeeded(start);
        return answer;
    }

    /**
     * When each successful call so far completed, in seconds since {@code originNanos} (on
     * {@link System#nanoTime()}'s scale), in completion order.
     */
    public List<Double> completionSeconds(long originNanos) {
        synchronized (completionNanos) {
            return completionNanos.stream().map(nanos -> (nanos - originNanos) / 1e9).toList();
        }
    }

    private void succeeded(long startNanos) {
        long now = System.nanoTime();
        latencies.record(now - startNanos);
        completionNanos.add(now);
    }

    /** The latencies of the successful calls so far. */
    public LatencyRecorder latencies() {
        return latencies;
    }
}
