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
                "One JVM (Java %s) on %d cores; one-minute load average %.2f at the start and %.2f at the end "
                        + "(other processes shared the machine); the whole benchmark took %.0f s. Every contender ran "
                        + "every scenario against a fresh simulated provider on loopback with the same settings, "
                        + "making its calls with `SimClient` (whose request timeout is the per-call timeout, 2 s); "
                        + "calls and rejected are the simulator's own counts. A short unreported warm-up run comes "
                        + "first so that the HTTP client, server and JIT are warm. "
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
