package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SharedLimitPacerTest {

    private static final long STALE_AFTER_MILLIS = 1_000;

    private final ManualTicker ticker = new ManualTicker();
    private final GroupRule rule = GroupRuleTest.pacerFigures();
    private final GroupTable table = new GroupTable(rule, () -> ticker.nanoTime() / 1_000_000, STALE_AFTER_MILLIS);

    private SharedLimitPacer member(String id) {
        SharedLimitPacer pacer = new SharedLimitPacer(RequestPacer.unlimited(), table.join(id), ticker);
        pacer.sync();
        return pacer;
    }

    /** Both members start and succeed every 10 ms for a second: each is admitted 100 requests/s. */
    private void bothAdmittedFor1Second(SharedLimitPacer a, SharedLimitPacer b) {
        for (int i = 0; i < 100; i++) {
            ticker.advanceMillis(10);
            for (SharedLimitPacer pacer : new SharedLimitPacer[] {a, b}) {
                assertThat(pacer.tryAcquire()).isZero();
                pacer.onSuccess(ticker.nanoTime());
            }
        }
    }

    /**
     * Both members are admitted 100 requests/s for a second, then {@code a} sees a rate limit and syncs:
     * the group's rate falls to 0.95 of the 200 requests/s admitted, which {@code b} learns at its next sync.
     */
    private void decreasedByARateLimitOfA(SharedLimitPacer a, SharedLimitPacer b) {
        bothAdmittedFor1Second(a, b);
        b.sync();
        a.onRateLimited(ticker.nanoTime());
        a.sync();
    }

    /** How many requests {@code pacer} lets start during {@code millis}, asking every millisecond. */
    private int permitsDuring(SharedLimitPacer pacer, int millis) {
        int permits = 0;
        for (int i = 0; i < millis; i++) {
            ticker.advanceMillis(1);
            if (pacer.tryAcquire() == 0) {
                permits++;
            }
        }
        return permits;
    }

    @Test
    void aRateLimitSeenByOneRunnerLowersEveryRunnersShareAtItsNextSync() {
        SharedLimitPacer a = member("a");
        SharedLimitPacer b = member("b");
        bothAdmittedFor1Second(a, b);
        b.sync();

        a.onRateLimited(ticker.nanoTime());
        a.sync();
        b.sync();

        assertThat(table.row().rate()).isCloseTo(0.95 * 200, within(4.0));
        assertThat(a.sharePerSecond()).isCloseTo(95, within(2.0));
        assertThat(b.sharePerSecond()).isCloseTo(95, within(2.0));
        assertThat(permitsDuring(b, 200)).as("a burst of 5, then 95/s for 0.2 s").isBetween(23, 25);
    }

    @Test
    void aRunnerReportsTheRateItWasAdmittedAtTheEndOfASecondThatHeldAClimb() {
        SharedLimitPacer a = member("a");
        for (int i = 0; i < 10; i++) {
            ticker.advanceMillis(50);
            a.tryAcquire();
            a.onSuccess(ticker.nanoTime());
        }
        for (int i = 0; i < 50; i++) {
            ticker.advanceMillis(10);
            a.tryAcquire();
            a.onSuccess(ticker.nanoTime());
        }

        a.onRateLimited(ticker.nanoTime());
        a.sync();

        // 20/s, then 100/s: the whole second's 60/s set the group to 0.95 x 60.
        assertThat(table.row().rate()).isCloseTo(0.95 * 100, within(2.0));
    }

    @Test
    void aRunnerThatLeavesReturnsItsShareToTheOthers() {
        SharedLimitPacer a = member("a");
        SharedLimitPacer b = member("b");
        decreasedByARateLimitOfA(a, b);

        a.close();
        b.tryAcquire();
        b.sync();

        assertThat(b.sharePerSecond()).isCloseTo(rule.rateAt(table.row(), ticker.nanoTime() / 1_000_000), within(2.0))
                .isGreaterThan(150);
    }

    @Test
    void aRunnerWhoseHeartbeatIsStaleLosesItsShare() {
        SharedLimitPacer a = member("a");
        SharedLimitPacer b = member("b");
        decreasedByARateLimitOfA(a, b);
        assertThat(a.sharePerSecond()).isCloseTo(95, within(2.0));

        ticker.advanceMillis(STALE_AFTER_MILLIS + 1);
        a.tryAcquire();
        a.sync();

        assertThat(a.sharePerSecond()).isCloseTo(rule.rateAt(table.row(), ticker.nanoTime() / 1_000_000), within(2.0));
    }

    @Test
    void aRunnersOwnRateLimitHalvesItsShareAtOnceUntilTheGroupsNextFigures() {
        SharedLimitPacer a = member("a");
        SharedLimitPacer b = member("b");
        decreasedByARateLimitOfA(a, b);
        assertThat(a.sharePerSecond()).isCloseTo(95, within(2.0));

        ticker.advanceMillis(10);
        a.tryAcquire();
        a.onRateLimited(ticker.nanoTime());

        assertThat(a.sharePerSecond()).as("before any sync").isCloseTo(95 / 2.0, within(1.0));
        assertThat(a.tryAcquire()).as("its bucket emptied").isPositive();
        a.sync();
        assertThat(a.sharePerSecond()).as("the group's figures again").isCloseTo(95, within(2.0));
    }

    @Test
    void aRunnerWithNothingToStartTakesNoShare() {
        SharedLimitPacer a = member("a");
        SharedLimitPacer b = member("b");
        decreasedByARateLimitOfA(a, b);
        assertThat(a.sharePerSecond()).isCloseTo(95, within(2.0));

        ticker.advanceMillis(SharedLimitPacer.DEMAND_MEMORY.toMillis());
        b.sync();
        a.tryAcquire();
        a.sync();

        assertThat(a.sharePerSecond()).as("the whole rate: b asked nothing for a second")
                .isCloseTo(rule.rateAt(table.row(), ticker.nanoTime() / 1_000_000), within(1.0));
    }

    @Test
    void aRunnerThatPausesAskingForLessThanTheDemandMemoryKeepsItsShareSoTheOthersDoNotOvershoot() {
        SharedLimitPacer a = member("a");
        SharedLimitPacer b = member("b");
        decreasedByARateLimitOfA(a, b);

        for (int period = 0; period < 3; period++) {
            ticker.advanceMillis(250);
            b.sync();
            a.tryAcquire();
            a.sync();
            double groupRate = rule.rateAt(table.row(), ticker.nanoTime() / 1_000_000);
            assertThat(a.sharePerSecond()).as("b asked %d ms ago", 250 * (period + 1))
                    .isCloseTo(groupRate / 2, within(2.0));
        }
    }

    @Test
    void aRateLimitOfARequestStartedBeforeTheRunnerLearnedTheLastDecreaseIsNotReported() {
        SharedLimitPacer a = member("a");
        SharedLimitPacer b = member("b");
        bothAdmittedFor1Second(a, b);
        long startedEarlier = ticker.nanoTime();
        a.onRateLimited(startedEarlier);
        a.sync();
        ticker.advanceMillis(10);
        b.sync();

        b.onRateLimited(startedEarlier);
        b.sync();

        assertThat(table.row().generation()).isEqualTo(1);
    }

    @Test
    void theFirstRateLimitOfAGenerationIsReportedAtOnceNotAtTheNextPeriod() throws Exception {
        SharedLimitPacer a = new SharedLimitPacer(RequestPacer.unlimited(), table.join("a"), ticker)
                .start(Duration.ofHours(1));
        try {
            ticker.advanceMillis(10);
            a.tryAcquire();
            a.onRateLimited(ticker.nanoTime());

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (table.row().generation() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(table.row().generation()).as("decreased by the early sync").isEqualTo(1);
            assertThat(table.syncs()).isEqualTo(2);
        } finally {
            a.close();
        }
    }

    @Test
    void theRunnersOwnPacerIsAskedToo() {
        RequestPacer closed = new RequestPacer() {
            @Override
            public long tryAcquire() {
                return 7;
            }

            @Override
            public void onSuccess(long startNanos) {}

            @Override
            public void onRateLimited(long startNanos) {}
        };
        SharedLimitPacer pacer = new SharedLimitPacer(closed, table.join("a"), ticker);
        pacer.sync();

        assertThat(pacer.tryAcquire()).isEqualTo(7);
    }

    @Test
    void aFailedSyncKeepsTheLastFiguresAndReportsItsRateLimitsAtTheNextSync() {
        AtomicBoolean down = new AtomicBoolean();
        LimitGroup membership = table.join("a");
        LimitGroup flaky = new LimitGroup() {
            @Override
            public GroupFigures sync(MemberReport report) {
                if (down.get()) {
                    throw new IllegalStateException("database unreachable");
                }
                return membership.sync(report);
            }

            @Override
            public void leave() {
                membership.leave();
            }
        };
        SharedLimitPacer a = new SharedLimitPacer(RequestPacer.unlimited(), flaky, ticker);
        a.sync();
        for (int i = 0; i < 100; i++) {
            ticker.advanceMillis(10);
            a.tryAcquire();
            a.onSuccess(ticker.nanoTime());
        }
        a.onRateLimited(ticker.nanoTime());

        down.set(true);
        a.sync();
        assertThat(a.sharePerSecond()).as("held back at half its starts, the group unreachable")
                .isCloseTo(50, within(1.0));
        down.set(false);
        a.sync();

        assertThat(table.row().generation()).isEqualTo(1);
        assertThat(a.sharePerSecond()).isCloseTo(95, within(2.0));
    }
}
