package dev.evals4j.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.engine.row.RowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link EventQueue}: the engine thread takes everything queued at once, oldest first. */
@Timeout(10)
class EventQueueTest {

    private final EventQueue queue = new EventQueue();

    private static RowEvent ended(int peak) {
        return new RowEvent.RunEnded(peak, 0, false, null);
    }

    @Test
    void aBatchHoldsEveryQueuedEventOldestFirstAndAnEmptyQueueAnswersAnEmptyBatchAfterTheTimeout()
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            queue.put(ended(i));
        }
        List<RowEvent> batch = new ArrayList<>();
        queue.takeBatch(batch, 0, 1_000);
        assertThat(batch).hasSize(100).first().isEqualTo(ended(0));
        assertThat(batch).last().isEqualTo(ended(99));

        List<RowEvent> none = new ArrayList<>();
        long start = System.nanoTime();
        queue.takeBatch(none, batch.size(), 50);
        assertThat(none).isEmpty();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void eventsPutBetweenTwoBatchesFromAnotherThreadAllComeInTheNextInOrder() throws InterruptedException {
        queue.put(ended(0));
        List<RowEvent> first = new ArrayList<>();
        queue.takeBatch(first, 0, 1_000);
        assertThat(first).hasSize(1);

        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 3; i++) {
                queue.put(ended(i));
            }
        });
        producer.start();
        producer.join();
        List<RowEvent> second = new ArrayList<>();
        queue.takeBatch(second, first.size(), 1_000);
        assertThat(second).containsExactly(ended(1), ended(2), ended(3));
    }

    @Test
    void anInterruptWhileEventsGatherIsThrownAndCleared() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> queue.takeBatch(new ArrayList<>(), 1, 1_000))
                .isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
