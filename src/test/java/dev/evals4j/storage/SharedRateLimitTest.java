package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.concurrency.ConcurrencyStrategies;
import dev.evals4j.concurrency.RequestPacer;
import dev.evals4j.concurrency.SharedLimitPacer;
import dev.evals4j.concurrency.Throttle;
import dev.evals4j.concurrency.Ticker;
import dev.evals4j.execution.AsyncExecutor;
import dev.evals4j.execution.ExecutionListener;
import dev.evals4j.execution.ExecutionSummary;
import dev.evals4j.execution.RetryPolicy;
import dev.evals4j.sim.SimClient;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import dev.evals4j.sim.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Three runners (executors in threads, each with its own connection and its own pacer) share one
 * provider (100 requests/s, a burst of 5, 429 with Retry-After) through one limit group in PostgreSQL,
 * over a run long enough (about 12 s) that the steady state, not the first second, decides; then the
 * same three runners pace independently, each believing it owns the provider. Each sharing runner's
 * pacer is composed as the engine composes it: its share of the group's rate, and the default pacer's
 * token pacing alone. Three executors in one JVM on a loaded machine, over 12 s of which the first second
 * or two warm up: the makespan is printed, not bounded (the deterministic {@code SharedLimitModelTest}
 * bounds it, and {@code SharedLimitAcceptanceTest} measures it with child JVMs over 30 s).
 */
class SharedRateLimitTest {

    private static final int RUNNERS = 3;
    private static final int CALLS_PER_RUNNER = 400;
    private static final int PROVIDER_BURST = 5;
    private static final double PROVIDER_RATE = 100;

    private final PostgresServer.Database database = PostgresServer.freshDatabase();

    private record Run(Stats stats, long statements, double seconds) {
        double rejectedShare() {
            return stats.rejected() / (double) stats.received();
        }

        /** The makespan over the ideal, N / R. */
        double ratio() {
            return seconds / (RUNNERS * CALLS_PER_RUNNER / PROVIDER_RATE);
        }

        @Override
        public String toString() {
            return String.format("%d received, %d rejected (%.1f%%), %.1f s (ratio to N/R %.2f), %d statements"
                    + " (%.1f per runner per second)", stats.received(), stats.rejected(), 100 * rejectedShare(),
                    seconds, ratio(), statements, statements / (double) RUNNERS / seconds);
        }
    }

    @Test
    void threeRunnersSharingOneLimitGroupRejectFarFewerCallsThanIndependentOnesWithAFewStatementsPerRunnerPerSecond()
            throws Exception {
        Run shared = run(true);
        Run independent = run(false);
        System.out.printf("shared: %s%nindependent: %s%n", shared, independent);

        for (Run run : List.of(shared, independent)) {
            assertThat(run.stats().completed()).isEqualTo(RUNNERS * CALLS_PER_RUNNER);
            assertThat(run.stats().callsByPrompt().values()).as("every prompt answered once").containsOnly(1);
        }
        assertThat(shared.rejectedShare()).as("shared %s; independent %s", shared, independent)
                .isLessThan(independent.rejectedShare());
        double statementsPerRunnerPerSecond = shared.statements() / (double) RUNNERS / shared.seconds();
        assertThat(statementsPerRunnerPerSecond).as("%s", shared).isLessThan(20);
    }

    private Run run(boolean share) throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().latency(Duration.ofMillis(50))
                .rateLimit(PROVIDER_RATE, PROVIDER_BURST).build();
        try (SimulatedProvider provider = SimulatedProvider.start(config);
                JdbcResultStore store = JdbcResultStore.open(database.urlWithCredentials())) {
            SimClient client = SimClient.builder().baseUrl(provider.baseUrl()).build();
            ExecutorService runners = Executors.newFixedThreadPool(RUNNERS);
            List<JdbcLimitGroup> memberships = new ArrayList<>();
            List<Future<ExecutionSummary>> summaries = new ArrayList<>();
            long start = System.nanoTime();
            for (int r = 0; r < RUNNERS; r++) {
                Throttle throttle = ConcurrencyStrategies.defaults(ConcurrencyStrategies.DEFAULT_MAX_CONCURRENCY,
                        Ticker.system());
                RequestPacer pacer = throttle.pacer();
                SharedLimitPacer sharedPacer = null;
                if (share) {
                    JdbcLimitGroup membership = store.joinLimitGroup("provider", "runner-" + r, System::currentTimeMillis);
                    memberships.add(membership);
                    sharedPacer = new SharedLimitPacer(ConcurrencyStrategies.defaultTokenPacer(Ticker.system()),
                            membership, Ticker.system())
                            .start(SharedLimitPacer.DEFAULT_SYNC_PERIOD);
                    pacer = sharedPacer;
                }
                int runner = r;
                AsyncExecutor<String, String> executor = AsyncExecutor.<String, String>builder(
                                (prompt, attempt) -> client.completeAsync(prompt))
                        .strategy(throttle.strategy())
                        .pacer(pacer)
                        .retryPolicy(RetryPolicy.builder().maxAttempts(50)
                                .waitExponential(Duration.ofMillis(100), Duration.ofSeconds(2)).jitter(true).build())
                        .exitOnError(false)
                        .build();
                SharedLimitPacer toClose = sharedPacer;
                summaries.add(runners.submit(() -> {
                    try {
                        return executor.run(IntStream.range(0, CALLS_PER_RUNNER)
                                .mapToObj(i -> "runner " + runner + " prompt " + i).iterator(), ExecutionListener.none());
                    } finally {
                        if (toClose != null) {
                            toClose.close();
                        }
                    }
                }));
            }
            for (Future<ExecutionSummary> summary : summaries) {
                summary.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            runners.shutdown();
            long statements = memberships.stream().mapToLong(JdbcLimitGroup::statements).sum();
            return new Run(provider.stats(), statements, seconds);
        }
    }
}
