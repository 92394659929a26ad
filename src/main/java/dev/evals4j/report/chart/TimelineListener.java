package dev.evals4j.report.chart;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.concurrency.Ticker;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionListener;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.DoubleSupplier;
import org.apiguardian.api.API;

/**
 * An executor listener that passes every callback on to another listener, then notes it on a
 * {@link ConcurrencyTimeline}: calls in flight and the limit as the executor reports them, each rise in
 * the calls in flight as started attempts (the executor reports after every start), the pacer's rate
 * whenever the concurrency changes, and each failed attempt as a retry or a rate limit. A rate limit
 * that ended its row without a retry is noted when the row finishes, from its details, so the timeline
 * counts every rate-limited attempt the summary counts.
 *
 * <p>Confined to the thread that makes the executor's listener calls, like the timeline it writes; it
 * keeps one entry per row whose rate limits were noted and that has not finished.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@API(status = INTERNAL, since = "0.1")
public final class TimelineListener<I, O> implements ExecutionListener<I, O> {

    private final ExecutionListener<I, O> delegate;
    private final ConcurrencyTimeline timeline;
    private final Ticker ticker;
    private final DoubleSupplier admittedPerSecond;
    private final Map<Long, Integer> rateLimitsNoted = new HashMap<>();
    private int inFlight;

    /**
     * @param delegate the listener every callback goes to first
     * @param timeline where the callbacks are noted
     * @param ticker the time of each callback
     * @param admittedPerSecond the pacer's current rate in requests per second (infinite while unpaced);
     *     thread-safe
     */
    public TimelineListener(ExecutionListener<I, O> delegate, ConcurrencyTimeline timeline, Ticker ticker,
            DoubleSupplier admittedPerSecond) {
        this.delegate = delegate;
        this.timeline = timeline;
        this.ticker = ticker;
        this.admittedPerSecond = admittedPerSecond;
    }

    @Override
    public void itemStarted(long index, I input) {
        delegate.itemStarted(index, input);
    }

    @Override
    public void attemptFailed(long index, I input, int attempt, Throwable failure, boolean rateLimited,
            long retryDelayNanos) {
        delegate.attemptFailed(index, input, attempt, failure, rateLimited, retryDelayNanos);
        long now = ticker.nanoTime();
        if (rateLimited) {
            rateLimitsNoted.merge(index, 1, Integer::sum);
            timeline.rateLimited(now);
        } else {
            timeline.retried(now);
        }
    }

    @Override
    public CompletionStage<?> itemFinished(long index, I input, O output, ExecutionDetails details) {
        CompletionStage<?> held = delegate.itemFinished(index, input, output, details);
        int unnoted = details.rateLimitHits() - rateLimitsNoted.getOrDefault(index, 0);
        rateLimitsNoted.remove(index);
        long now = ticker.nanoTime();
        for (int i = 0; i < unnoted; i++) {
            timeline.rateLimited(now);
        }
        return held;
    }

    @Override
    public void concurrencyChanged(long tickerNanos, int inFlight, int limit) {
        delegate.concurrencyChanged(tickerNanos, inFlight, limit);
        long now = ticker.nanoTime();
        for (int i = this.inFlight; i < inFlight; i++) {
            timeline.attemptStarted(now);
        }
        this.inFlight = inFlight;
        timeline.concurrency(now, inFlight, limit);
        timeline.admittedRate(now, admittedPerSecond.getAsDouble());
    }
}
