package dev.evals4j.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The paragraph of {@code results.md} that says how the figures were obtained.
 *
 * @param environment the machine and its load
 * @param scenarios the scenarios, for their ideal definitions, timeouts and caps
 * @param executorSettings how the executor contenders were configured (retry policy, timeout)
 * @param acceptedContender the contender the acceptance figures apply to
 */
public record MethodNote(RunEnvironment environment, List<Scenario> scenarios, String executorSettings,
        String acceptedContender) {

    /** The note as one Markdown paragraph. */
    public String render() {
        String ideals = scenarios.stream()
                .map(s -> String.format(Locale.ROOT, "%s: %s = %.2f s (time cap %d s)", s.name(), s.idealDefinition(),
                        s.idealSeconds(), s.cap().toSeconds()))
                .collect(Collectors.joining("; "));
        return String.format(Locale.ROOT,
                "Java %s on %d cores; one-minute load average %.2f at the start and %.2f at the end "
                        + "(other processes shared the machine); the whole benchmark took %.0f s. Every contender ran "
                        + "every scenario against a fresh simulated provider on loopback (its own limits, counters, "
                        + "seeded draws and threads), started for that run with the same settings in the simulator's "
                        + "JVM, one JVM for the whole benchmark (so client and server share no heap, JIT or GC), "
                        + "making its calls with `SimClient` (whose request timeout is the per-call timeout); "
                        + "calls and rejected are the simulator's own counts, read over HTTP at the end of the run. "
                        + "`" + Benchmark.ACCEPTED_CONTENDER + "` ran every scenario " + Benchmark.ACCEPTED_RUNS
                        + " times: the acceptance checks its medians, the spread table gives median and range, "
                        + "the chart its median run. A short unreported warm-up run comes first so that the "
                        + "benchmark JVM's HTTP client and JIT, and the simulator's JVM, are warm. The ramp is the first completion at which "
                        + "the completions of the last " + Ramp.WINDOW_SECONDS + " s reach 90%% of the final "
                        + "throughput, the rate between half and nine tenths of the completions. "
                        + "ratio = makespan / ideal, where ideal is the makespan of a perfect client. "
                        + "Ideals — %s. The fixed-concurrency contenders and JUnit are measured against the same ideal "
                        + "as the adaptive strategies (concurrency %d), so every ratio compares with the best "
                        + "achievable, not with what a fixed window could do. %s JUnit runs a `@ParameterizedTest` "
                        + "through the Launcher with `junit.jupiter.execution.parallel` enabled, fixed parallelism "
                        + "%d and the same per-call timeout, without retries (a failed call is a failed test). "
                        + "A contender that reaches its time cap starts no new row; rows never finished are "
                        + "counted as lost and its ratio is a lower bound.",
                environment.javaVersion(), environment.cores(), environment.loadAverageAtStart(),
                environment.loadAverageAtEnd(), environment.totalSeconds(), ideals, Scenarios.MAX_CONCURRENCY,
                executorSettings, Scenarios.MAX_CONCURRENCY);
    }
}
