package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link InputChannel}: bounded, growable, closable. */
@Timeout(10)
class InputChannelTest {

    @Test
    void aFullChannelBlocksTheWriterUntilSpaceOrMoreCapacity() throws Exception {
        InputChannel<Integer> channel = new InputChannel<>(1);
        assertThat(channel.put(1)).isEqualTo(InputChannel.Put.FIRST);

        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> put(channel, 2));
        assertThat(second).isNotDone();
        channel.ensureCapacity(2);
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> put(channel, 3));
        assertThat(channel.poll()).isEqualTo(1);
        assertThat(third.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closingReturnsWhatIsLeftAndRefusesMore() throws Exception {
        InputChannel<Integer> channel = new InputChannel<>(1);
        channel.put(1);
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> put(channel, 2));

        assertThat(channel.close()).containsExactly(1);
        assertThat(blocked.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(channel.put(3)).isEqualTo(InputChannel.Put.REFUSED);
        assertThat(channel.isEmpty()).isTrue();
    }

    @Test
    void aWriterBlockedOnAFullChannelIsWokenOnceHalfOfItIsTakenAndSaysWhenItFilledAnEmptyOne() throws Exception {
        InputChannel<Integer> channel = new InputChannel<>(4);
        assertThat(channel.put(0)).isEqualTo(InputChannel.Put.FIRST);
        for (int i = 1; i < 4; i++) {
            assertThat(channel.put(i)).isEqualTo(InputChannel.Put.QUEUED);
        }
        CompletableFuture<Boolean> fifth = new CompletableFuture<>();
        Thread writer = new Thread(() -> fifth.complete(put(channel, 4)));
        writer.start();
        awaitWaiting(writer);

        assertThat(channel.poll()).isEqualTo(0);
        Thread.sleep(50);
        assertThat(fifth).as("three of four left: the writer sleeps on").isNotDone();
        assertThat(writer.getState()).isEqualTo(Thread.State.WAITING);
        assertThat(channel.poll()).isEqualTo(1);
        assertThat(fifth.get(5, TimeUnit.SECONDS)).as("half taken: woken").isTrue();

        for (int expected = 2; expected <= 4; expected++) {
            assertThat(channel.poll()).isEqualTo(expected);
        }
        assertThat(channel.put(5)).isEqualTo(InputChannel.Put.FIRST);
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }

    private static boolean put(InputChannel<Integer> channel, int value) {
        try {
            return channel.put(value) != InputChannel.Put.REFUSED;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
