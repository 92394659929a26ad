package dev.evals4j.sim;

import dev.evals4j.concurrency.ManualTicker;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final ManualTicker ticker = new ManualTicker();

    @Test
    void startsFullAndAdmitsTheBurstAtOnce() {
        TokenBucket bucket = new TokenBucket(RateLimit.of(2, 3), ticker);

        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofMillis(500).toNanos());
    }

    @Test
    void aRejectionTakesNoTokenAndNamesTheRemainingWait() {
        TokenBucket bucket = new TokenBucket(RateLimit.of(4, 1), ticker);
        bucket.tryAcquire();

        ticker.advance(Duration.ofMillis(100));
        assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofMillis(150).toNanos());
        assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofMillis(150).toNanos());

        ticker.advance(Duration.ofMillis(150));
        assertThat(bucket.tryAcquire()).isZero();
    }

    @Test
    void aMinimumRetryAfterLengthensTheAnnouncedWaitButNotTheLimit() {
        TokenBucket bucket = new TokenBucket(RateLimit.of(20, 1).withMinRetryAfter(Duration.ofSeconds(1)), ticker);
        bucket.tryAcquire();

        assertThat(bucket.tryAcquire()).as("the next token is 50 ms away").isEqualTo(Duration.ofSeconds(1).toNanos());

        ticker.advance(Duration.ofMillis(50));
        assertThat(bucket.tryAcquire()).isZero();
    }

    @Test
    void refillsAtTheRateUpToTheBurst() {
        TokenBucket bucket = new TokenBucket(RateLimit.of(10, 5), ticker);
        for (int i = 0; i < 5; i++) {
            bucket.tryAcquire();
        }
        assertThat(bucket.availableTokens()).isZero();

        ticker.advance(Duration.ofMillis(300));
        assertThat(bucket.availableTokens()).isCloseTo(3, org.assertj.core.api.Assertions.within(1e-9));

        ticker.advance(Duration.ofSeconds(60));
        assertThat(bucket.availableTokens()).isEqualTo(5);
    }

    @Test
    void aScheduledStepChangesTheAcceptedRate() {
        RateLimit limit = RateLimit.of(2, 10).withStep(Duration.ofSeconds(2), 20);
        TokenBucket bucket = new TokenBucket(limit, ticker);
        assertThat(admitted(bucket, 12)).isEqualTo(10);

        ticker.advance(Duration.ofSeconds(1));
        assertThat(admitted(bucket, 10)).as("one second at 2/s").isEqualTo(2);

        ticker.advance(Duration.ofMillis(1250));
        assertThat(admitted(bucket, 10)).as("1 s at 2/s, then 0.25 s at 20/s").isEqualTo(7);
        assertThat(bucket.tryAcquire()).as("the wait is computed at the new rate")
                .isEqualTo(Duration.ofMillis(50).toNanos());
    }

    @Test
    void unlimitedAlwaysAdmits() {
        TokenBucket bucket = new TokenBucket(RateLimit.unlimited(), ticker);

        assertThat(admitted(bucket, 10_000)).isEqualTo(10_000);
    }

    private static int admitted(TokenBucket bucket, int requests) {
        int admitted = 0;
        for (int i = 0; i < requests; i++) {
            if (bucket.tryAcquire() == 0) {
                admitted++;
            }
        }
        return admitted;
    }
}
