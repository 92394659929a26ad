package dev.evals4j.bench;

import dev.evals4j.sim.SimClient;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link SimClient} that records the latency of every successful call.
 *
 * <p>Thread-safe, like the client and the recorder it wraps.
 */
public final class MeasuredClient {

    private final SimClient client;
    private final LatencyRecorder latencies = new LatencyRecorder();

    /** Wraps {@code client}. */
    public MeasuredClient(SimClient client) {
        this.client = client;
    }

    /** Sends {@code prompt}; the future completes with the answer or the client's exception. */
    public CompletableFuture<String> call(String prompt) {
        long start = System.nanoTime();
        return client.completeAsync(prompt).whenComplete((answer, failure) -> {
            if (failure == null) {
                latencies.record(System.nanoTime() - start);
            }
        });
    }

    /** Sends {@code prompt}; the future completes with the answer and its usage, or the client's exception. */
    public CompletableFuture<SimClient.Completion> chat(String prompt) {
        long start = System.nanoTime();
        return client.chatAsync(prompt).whenComplete((answer, failure) -> {
            if (failure == null) {
                latencies.record(System.nanoTime() - start);
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
        latencies.record(System.nanoTime() - start);
        return answer;
    }

    /** The latencies of the successful calls so far. */
    public LatencyRecorder latencies() {
        return latencies;
    }
}
