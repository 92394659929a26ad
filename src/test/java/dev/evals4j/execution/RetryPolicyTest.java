package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.api.RateLimitedException;
import dev.evals4j.api.spi.Classification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link RetryPolicy}: defaults and delays under a seeded generator (its key is parsed by {@code RetryWait}). */
class RetryPolicyTest {

    private static long seconds(long s) {
        return Duration.ofSeconds(s).toNanos();
    }

    @Test
    void defaultsAreFourAttemptsAndExponentialWaitsFromOneToThirtySeconds() {
        RetryPolicy defaults = RetryPolicy.defaults();
        SplittableRandom random = new SplittableRandom(42);

        assertThat(defaults.maxAttempts()).isEqualTo(4);
        for (int failed = 1; failed <= 8; failed++) {
            long full = Math.min(seconds(30), seconds(1L << (failed - 1)));
            assertThat(defaults.delayNanos(failed, random)).isBetween(full / 2, full);
        }
    }

    @Test
    void exponentialWaitsDoubleUpToTheCapWithoutJitter() {
        RetryPolicy policy = RetryPolicy.builder().waitExponential(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .jitter(false).build();

        assertThat(IntStream.rangeClosed(1, 7).mapToLong(n -> policy.delayNanos(n, new SplittableRandom(1))))
                .containsExactly(seconds(1), seconds(2), seconds(4), seconds(8), seconds(16), seconds(30), seconds(30));
        assertThat(policy.delayNanos(1_000, new SplittableRandom(1))).isEqualTo(seconds(30));
    }

    @Test
    void jitterIsReproducibleUnderASeedAndStaysInTheUpperHalf() {
        RetryPolicy policy = RetryPolicy.builder().waitExponential(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
        SplittableRandom first = new SplittableRandom(7);
        SplittableRandom second = new SplittableRandom(7);

        for (int failed = 1; failed <= 6; failed++) {
            long full = Math.min(Duration.ofSeconds(1).toNanos(), Duration.ofMillis(100).toNanos() << (failed - 1));
            long delay = policy.delayNanos(failed, first);
            assertThat(delay).isBetween(full / 2, full).isEqualTo(policy.delayNanos(failed, second));
        }
    }

    @Test
    void fixedWaitsAreExactAndNoneIsZero() {
        SplittableRandom random = new SplittableRandom(3);
        assertThat(RetryPolicy.builder().waitFixed(Duration.ofSeconds(2)).build().delayNanos(3, random))
                .isEqualTo(seconds(2));
        assertThat(RetryPolicy.builder().waitNone().build().delayNanos(1, random)).isZero();
        assertThatThrownBy(() -> RetryPolicy.defaults().delayNanos(0, random))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("failedAttempts must be at least 1, was 0");
    }

    @Test
    void retriesTransientFailuresByDefault() {
        List<Throwable> retried = List.of(new IOException("reset"), new ConnectException("refused"),
                new UncheckedIOException(new IOException("broken pipe")), new TimeoutException("slow"),
                new RateLimitedException("429"), new HttpFailures.StatusCodeException(503, Map.of()),
                new HttpFailures.GetStatusCodeException(502), new RuntimeException("wrapper", new IOException("x")),
                new HttpFailures.RateLimitException());

        assertThat(retried).allSatisfy(t -> assertThat(retriedByDefault(t)).as(t.toString()).isTrue());
    }

    @Test
    void neverRetriesErrorsAndProgrammingErrorsByDefault() {
        List<Throwable> notRetried = List.of(new AssertionError("wrong answer"), new OutOfMemoryError(),
                new IllegalArgumentException(), new IllegalStateException(), new NullPointerException(),
                new ClassCastException(), new UnsupportedOperationException(), new RuntimeException("unknown"),
                new HttpFailures.StatusCodeException(404, Map.of()),
                new IllegalStateException("bug", new IOException("not the point")));

        assertThat(notRetried).allSatisfy(t -> assertThat(retriedByDefault(t)).as(t.toString()).isFalse());
    }

    /** Whether the built-in classifiers let the executors retry {@code failure}. */
    private static boolean retriedByDefault(Throwable failure) {
        return ClassifierChain.builtIns().classify(failure).kind() != Classification.Kind.PERMANENT;
    }

    @Test
    void builderRejectsNonsense() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
                .hasMessage("maxAttempts must be at least 1, was 0");
        assertThatThrownBy(() -> RetryPolicy.builder().waitFixed(Duration.ofSeconds(-1)))
                .hasMessage("wait must not be negative, was PT-1S");
    }
}
