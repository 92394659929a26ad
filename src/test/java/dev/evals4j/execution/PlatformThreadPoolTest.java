package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link PlatformThreadPool}: a call never waits for a thread, and free threads take the queued calls. */
@Timeout(30)
class PlatformThreadPoolTest {

    private final AtomicInteger threadsStarted = new AtomicInteger();
    private final PlatformThreadPool pool = new PlatformThreadPool(task -> {
        threadsStarted.incrementAndGet();
        Thread thread = new Thread(task, "pool-test");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void shutDown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void everyCallStartsAtOnceHoweverManyThreadsAreStuckInCallsThatNeverEnd() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        int stuck = 50;
        CountDownLatch allStarted = new CountDownLatch(stuck);
        for (int i = 0; i < stuck; i++) {
            pool.execute(() -> {
                allStarted.countDown();
                await(never);
            });
        }
        assertThat(allStarted.await(10, TimeUnit.SECONDS)).as("50 calls in flight at once").isTrue();

        CountDownLatch oneMore = new CountDownLatch(1);
        pool.execute(oneMore::countDown);
        assertThat(oneMore.await(10, TimeUnit.SECONDS)).as("a call behind 50 stuck ones").isTrue();
        assertThat(threadsStarted).hasValue(stuck + 1);
    }

    @Test
    void shortCallsOneAfterAnotherReuseTheThreadsThatAreFree() throws InterruptedException {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 1_000; i++) {
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(() -> {
                threads.add(Thread.currentThread());
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(threads.size()).as("threads for 1,000 calls, each started after the last ended")
                .isLessThanOrEqualTo(threadsStarted.get()).isLessThan(20);
    }

    @Test
    void aBurstOfCallsAllRunWhetherQueuedOrGivenNewThreads() throws InterruptedException {
        int calls = 5_000;
        CountDownLatch done = new CountDownLatch(calls);
        for (int i = 0; i < calls; i++) {
            pool.execute(done::countDown);
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(threadsStarted.get()).isLessThanOrEqualTo(calls);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
