package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PermitGateTest {

    @Test
    void grantsUpToTheLimitAndNoMore() {
        PermitGate gate = new PermitGate(2);

        assertThat(gate.tryAcquire()).isTrue();
        assertThat(gate.tryAcquire()).isTrue();
        assertThat(gate.tryAcquire()).isFalse();
        assertThat(gate.inUse()).isEqualTo(2);

        gate.release();
        assertThat(gate.tryAcquire()).isTrue();
    }

    @Test
    void loweringToOneKeepsHeldPermitsButAdmitsNothingUntilAtMostOneRemains() {
        PermitGate gate = new PermitGate(5);
        for (int i = 0; i < 5; i++) {
            assertThat(gate.tryAcquire()).isTrue();
        }

        gate.resize(1);

        assertThat(gate.inUse()).isEqualTo(5);
        for (int held = 5; held > 0; held--) {
            assertThat(gate.tryAcquire()).as("with %d held", held).isFalse();
            gate.release();
        }
        assertThat(gate.tryAcquire()).isTrue();
        assertThat(gate.tryAcquire()).isFalse();
        assertThat(gate.inUse()).isEqualTo(1);
    }

    @Test
    void raisingTheLimitRampsUpToTheNewLimit() {
        PermitGate gate = new PermitGate(1);
        assertThat(gate.tryAcquire()).isTrue();
        assertThat(gate.tryAcquire()).isFalse();

        gate.resize(4);

        assertThat(gate.tryAcquire()).isTrue();
        assertThat(gate.tryAcquire()).isTrue();
        assertThat(gate.tryAcquire()).isTrue();
        assertThat(gate.tryAcquire()).isFalse();
        assertThat(gate.inUse()).isEqualTo(4);
    }

    @Test
    void asyncWaitersAreServedInOrderByReleasesAndByGrowth() {
        PermitGate gate = new PermitGate(1);
        CompletableFuture<Void> first = gate.acquireAsync().toCompletableFuture();
        CompletableFuture<Void> second = gate.acquireAsync().toCompletableFuture();
        CompletableFuture<Void> third = gate.acquireAsync().toCompletableFuture();

        assertThat(first).isDone();
        assertThat(second).isNotDone();
        assertThat(gate.tryAcquire()).as("no barging past waiters").isFalse();

        gate.release();
        assertThat(second).isDone();
        assertThat(third).isNotDone();

        gate.resize(2);
        assertThat(third).isDone();
        assertThat(gate.inUse()).isEqualTo(2);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aCancelledWaiterDoesNotKeepAPermit() {
        PermitGate gate = new PermitGate(1);
        assertThat(gate.tryAcquire()).isTrue();
        CompletableFuture<Void> cancelled = gate.acquireAsync().toCompletableFuture();
        CompletableFuture<Void> next = gate.acquireAsync().toCompletableFuture();
        cancelled.cancel(false);

        gate.release();

        assertThat(next).isDone();
        assertThat(gate.inUse()).isEqualTo(1);
    }

    @Test
    void rejectsInvalidLimitsAndUnbalancedReleases() {
        assertThatThrownBy(() -> new PermitGate(0)).hasMessageContaining("at least 1, was 0");
        PermitGate gate = new PermitGate(1);
        assertThatThrownBy(() -> gate.resize(-3)).hasMessageContaining("was -3");
        assertThatThrownBy(gate::release).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentHoldersNeverExceedTheLimit() throws Exception {
        int limit = 3;
        PermitGate gate = new PermitGate(limit);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        if (gate.tryAcquire()) {
                            peak.accumulateAndGet(holding.incrementAndGet(), Math::max);
                            granted.incrementAndGet();
                            holding.decrementAndGet();
                            gate.release();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(peak.get()).isBetween(1, limit);
        assertThat(granted.get()).isPositive();
        assertThat(gate.inUse()).isZero();
    }

    @Test
    void concurrentAsyncAcquiresWithResizesNeverExceedTheLargestLimit() throws Exception {
        PermitGate gate = new PermitGate(2);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        int threads = 6;
        int rounds = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        gate.acquireAsync().toCompletableFuture().get(60, TimeUnit.SECONDS);
                        peak.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        holding.decrementAndGet();
                        gate.release();
                    }
                    return null;
                }));
            }
            Future<?> resizer = pool.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    gate.resize(i % 2 == 0 ? 4 : 1);
                }
                return null;
            });
            resizer.get(60, TimeUnit.SECONDS);
            gate.resize(4);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(peak.get()).isBetween(1, 4);
        assertThat(gate.inUse()).isZero();
        assertThat(gate.waiting()).isZero();
    }
}
