package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link RetryQueue}, driven by hand-set times. */
class RetryQueueTest {

    @Test
    void itemsWaitUntilTheirNotBeforeTime() {
        RetryQueue<String> queue = new RetryQueue<>();
        queue.add("a", 1, 100);

        assertThat(queue.pollReady(99)).isNull();
        assertThat(queue.nextNotBefore()).hasValue(100);
        assertThat(queue.pollReady(100)).isEqualTo("a");
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void readyItemsWithMoreRetriesGoFirstThenEarlierNotBefore() {
        RetryQueue<String> queue = new RetryQueue<>();
        queue.add("one retry, early", 1, 10);
        queue.add("three retries", 3, 30);
        queue.add("one retry, late", 1, 20);
        queue.add("not ready", 5, 1_000);

        assertThat(queue.pollReady(50)).isEqualTo("three retries");
        assertThat(queue.pollReady(50)).isEqualTo("one retry, early");
        assertThat(queue.pollReady(50)).isEqualTo("one retry, late");
        assertThat(queue.pollReady(50)).isNull();
        assertThat(queue.drain()).containsExactly("not ready");
    }

    @Test
    void comparesTimesAcrossNanoTimeOverflow() {
        RetryQueue<String> queue = new RetryQueue<>();
        queue.add("later", 1, Long.MIN_VALUE + 5);
        queue.add("sooner", 1, Long.MAX_VALUE - 5);

        assertThat(queue.nextNotBefore()).hasValue(Long.MAX_VALUE - 5);
        assertThat(queue.pollReady(Long.MAX_VALUE)).isEqualTo("sooner");
        assertThat(queue.pollReady(Long.MAX_VALUE)).isNull();
    }
}
