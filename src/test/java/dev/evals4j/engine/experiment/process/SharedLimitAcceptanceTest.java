package dev.evals4j.engine.experiment.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.concurrency.Ticker;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import dev.evals4j.sim.Stats;
import dev.evals4j.storage.ExperimentStatus;
import dev.evals4j.storage.JdbcResultStore;
import dev.evals4j.storage.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared limit's acceptance: three runners (child JVMs through the Launcher, claiming pairs in one
 * PostgreSQL database) drain one 3,000-row experiment against one simulated provider (100 requests/s,
 * a burst of 10, {@code 429} with {@code Retry-After}, a log-normal latency of median 120 ms, about
 * 55–260 ms): every pair is called once, the experiment completes, and together they finish within
 * 1.2 × N / R with at most 5% of the calls rejected. Then three runners that do not share the limit
 * ({@code evals4j.limitGroup=none}) drain the same rows in an experiment of their own, and must reject
 * clearly more.
 *
 * <p>The makespan is measured on the provider: from the first request it received to the last one,
 * read off the clock its rate limit reads at every request. The JVMs' start-up (one to two seconds each
 * on a loaded machine, the three starting together) and their shutdown are left out, as is the last
 * answer's latency (at most a few hundred milliseconds); the runners' wall time, from the first start
 * to the last exit, is printed beside it.
 *
 * <p>Six JVMs drain 6,000 rows at the provider's rate: about three minutes on two shared cores, and the
 * makespan bound measures the machine as much as the limiter when other builds load it. So it runs with
 * the other timed acceptance tests ({@code ./mvnw -B -Pacceptance test -Dtest=SharedLimitAcceptanceTest}),
 * not in every build.
 */
@Tag("acceptance")
@Timeout(600)
class SharedLimitAcceptanceTest {

    private static final int ROWS = 3_000;
    private static final int RUNNERS = 3;
    private static final double RATE = 100;
    private static final double IDEAL_SECONDS = ROWS / RATE;

    private final PostgresServer.Database database = PostgresServer.freshDatabase();

    @TempDir
    Path directory;

    /** What one drain did, as the provider saw it. */
    private record Drain(String name, Stats stats, double providerSeconds, double wallSeconds) {

        double rejectedShare() {
            return stats.rejected() / (double) stats.received();
        }

        double ratio() {
            return providerSeconds / IDEAL_SECONDS;
        }

        @Override
        public String toString() {
            return String.format("%s: %d received, %d rejected (%.1f%%), first to last request %.1f s (ratio to N/R"
                    + " %.2f), runners' wall time %.1f s", name, stats.received(), stats.rejected(),
                    100 * rejectedShare(), providerSeconds, ratio(), wallSeconds);
        }
    }

    @Test
    void threeRunnersSharingOneLimitFinishWithinAFifthOverTheIdealAndRejectFarFewerCallsThanIndependentOnes()
            throws Exception {
        Drain shared = drain("shared", Map.of());
        Drain independent = drain("independent", Map.of("evals4j.limitGroup", "none"));
        System.out.printf("%s%n%s%n", shared, independent);

        assertThat(shared.ratio()).as("%s", shared).isLessThanOrEqualTo(1.2);
        assertThat(shared.rejectedShare()).as("%s", shared).isLessThanOrEqualTo(0.05);
        assertThat(shared.rejectedShare()).as("%s%n%s", shared, independent)
                .isLessThan(0.8 * independent.rejectedShare());
    }

    /** Three runners drain the experiment {@code name} against a provider of their own; checks the pairs. */
    private Drain drain(String name, Map<String, String> properties) throws Exception {
        RecordingTicker clock = new RecordingTicker();
        SimulatorConfig config = SimulatorConfig.builder().latency(Duration.ofMillis(120), 0.4)
                .rateLimit(RATE, 10).build();
        try (SimulatedProvider provider = SimulatedProvider.start(config, clock)) {
            clock.startRecording();
            long start = System.nanoTime();
            List<ChildJvm> runners = new ArrayList<>();
            for (int r = 1; r <= RUNNERS; r++) {
                Map<String, String> child = new HashMap<>(properties);
                child.putAll(Map.of("evals4j.experiment", name, "evals4j.storage", database.urlWithCredentials(),
                        "evals4j.runner", name + "-" + r, SimulatedRowEvals.URL_PROPERTY, provider.baseUrl(),
                        SimulatedRowEvals.ROWS_PROPERTY, Integer.toString(ROWS),
                        ExperimentChild.EVAL_CLASS_PROPERTY, PacedRowEvals.class.getName()));
                runners.add(ChildJvm.start(child, directory.resolve(name + "-" + r + ".log")));
            }
            for (ChildJvm runner : runners) {
                assertThat(runner.awaitExit(240)).as(runner.output()).isZero();
            }
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            Stats stats = provider.stats();

            assertThat(stats.callsByPrompt()).as("%s: every pair answered exactly once", name)
                    .containsOnlyKeys(prompts()).allSatisfy((prompt, calls) -> assertThat(calls).isOne());
            assertThat(status(name)).isEqualTo(ExperimentStatus.COMPLETED);
            assertThat(CliOutput.of(directory, "show", name, "--storage", database.urlWithCredentials())).containsPattern("rows\\s+" + ROWS);
            return new Drain(name, stats, clock.recordedNanos() / 1e9, wallSeconds);
        }
    }

    private static List<String> prompts() {
        return IntStream.rangeClosed(1, ROWS).mapToObj(i -> SimulatedRowEvals.prompt("q" + i)).toList();
    }

    private ExperimentStatus status(String experiment) {
        try (JdbcResultStore store = JdbcResultStore.open(database.urlWithCredentials())) {
            return store.listExperiments().stream().filter(e -> e.name().equals(experiment)).findFirst().orElseThrow()
                    .status();
        }
    }

    /**
     * The provider's clock, which its rate limit reads at every request it receives: once recording, it
     * keeps the first and the last reading. Thread-safe.
     */
    private static final class RecordingTicker implements Ticker {

        private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        private volatile boolean recording;

        void startRecording() {
            recording = true;
        }

        @Override
        public long nanoTime() {
            long now = System.nanoTime();
            if (recording) {
                first.accumulateAndGet(now, Math::min);
                last.accumulateAndGet(now, Math::max);
            }
            return now;
        }

        /** From the first reading to the last, in nanoseconds. */
        long recordedNanos() {
            return last.get() - first.get();
        }
    }
}
