package dev.evals4j.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionListener;
import dev.evals4j.execution.ExecutionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import java.util.concurrent.CompletionStage;

class TimelineListenerTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> delegated = new ArrayList<>();
    private final ConcurrencyTimeline timeline = new ConcurrencyTimeline(0, 100, 8);
    private double rate = Double.POSITIVE_INFINITY;
    private final TimelineListener<String, String> listener = new TimelineListener<>(new ExecutionListener<>() {
        @Override
        public void itemStarted(long index, String input) {
            delegated.add("started " + input);
        }

        @Override
        public void attemptFailed(long index, String input, int attempt, Throwable failure, boolean rateLimited,
                long retryDelayNanos) {
            delegated.add("failed " + input);
        }

        @Override
        public CompletionStage<?> itemFinished(long index, String input, String output, ExecutionDetails details) {
            delegated.add("finished " + input);
            return ExecutionListener.nothingHeld();
        }

        @Override
        public void concurrencyChanged(long tickerNanos, int inFlight, int limit) {
            delegated.add("concurrency " + inFlight);
        }
    }, timeline, now::get, () -> rate);

    @Test
    void passesEveryCallOnAndNotesStartsRetriesRateLimitsAndThePacersRate() {
        listener.itemStarted(0, "a");
        listener.concurrencyChanged(0, 1, 2);
        listener.itemStarted(1, "b");
        listener.concurrencyChanged(0, 2, 2);
        now.set(150);
        rate = 4;
        listener.concurrencyChanged(0, 1, 2);
        listener.attemptFailed(0, "a", 1, new RuntimeException("429"), true, 0);
        listener.attemptFailed(1, "b", 1, new RuntimeException("boom"), false, 0);
        listener.concurrencyChanged(0, 0, 2);

        assertThat(delegated).containsExactly("started a", "concurrency 1", "started b", "concurrency 2",
                "concurrency 1", "failed a", "failed b", "concurrency 0");
        assertThat(timeline.series().points()).containsExactly(
                new ConcurrencyPoint(0, 2, 2, null, 2 / 100e-9, 0, 0),
                new ConcurrencyPoint(100e-9, 2, 2, 4.0, 0, 1, 1));
    }

    @Test
    void aRateLimitThatEndedItsRowWithoutARetryIsNotedWhenTheRowFinishes() {
        listener.attemptFailed(0, "a", 1, new RuntimeException("429"), true, 0);
        listener.itemFinished(0, "a", null, new ExecutionDetails(ExecutionStatus.FAILED, List.of(), 2, 2, null, null, 0));
        listener.itemFinished(1, "b", "ok", new ExecutionDetails(ExecutionStatus.COMPLETED, List.of(), 1, 0, null, null, 0));

        assertThat(timeline.series().rateLimited()).isEqualTo(2);
    }
}
