package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.concurrency.ManualTicker;
import dev.evals4j.storage.PairClaims;
import dev.evals4j.storage.RunKey;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link LeaseRenewal} as {@link Renewals}: when renewals kept every lease alive, and when one came too late. */
class LeaseRenewalTest {

    private static final Duration LEASE = Duration.ofMinutes(3); // its own renewals come every minute: not in this test

    private final ManualTicker ticker = new ManualTicker();
    private final AtomicInteger renewals = new AtomicInteger();
    private boolean databaseDown;

    private final PairClaims claims = new PairClaims() {
        @Override
        public String runnerId() {
            return "me";
        }

        @Override
        public Duration leaseDuration() {
            return LEASE;
        }

        @Override
        public Set<RunKey> claim(Map<RunKey, String> contentHashes) {
            return contentHashes.keySet();
        }

        @Override
        public void renew() {
            if (databaseDown) {
                throw new IllegalStateException("database unreachable");
            }
            renewals.incrementAndGet();
        }

        @Override
        public void release() {}
    };

    @Test
    void renewalsInTimeMoveTheLastStartOnAndOneALeaseAfterTheLastStartMarksALapse() {
        try (LeaseRenewal renewal = LeaseRenewal.start(claims, ticker)) {
            long started = ticker.nanoTime();
            assertThat(renewal.lastStartNanos()).isEqualTo(started);
            assertThat(renewal.lastLapseNanos()).isEqualTo(Long.MIN_VALUE);

            ticker.advance(Duration.ofMinutes(1));
            renewal.renew();
            assertThat(renewal.lastStartNanos()).isEqualTo(started + Duration.ofMinutes(1).toNanos());
            assertThat(renewal.lastLapseNanos()).as("in time").isEqualTo(Long.MIN_VALUE);

            databaseDown = true;
            ticker.advance(Duration.ofMinutes(2));
            renewal.renew();
            assertThat(renewal.lastStartNanos()).as("a failed renewal renews nothing")
                    .isEqualTo(started + Duration.ofMinutes(1).toNanos());

            databaseDown = false;
            ticker.advance(Duration.ofMinutes(1));
            renewal.renew();
            long now = ticker.nanoTime();
            assertThat(renewal.lastLapseNanos()).as("3 minutes after the last renewal that worked").isEqualTo(now);
            assertThat(renewal.lastStartNanos()).isEqualTo(now);
            assertThat(renewals).hasValue(2);
        }
    }
}
