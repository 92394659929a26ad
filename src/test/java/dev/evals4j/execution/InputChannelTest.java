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
        assertThat(channel.put(1)).isTrue();

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
        assertThat(channel.put(3)).isFalse();
        assertThat(channel.isEmpty()).isTrue();
    }

    private static boolean put(InputChannel<Integer> channel, int value) {
        try {
            return channel.put(value);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
