package dev.evals4j.bench;

import dev.evals4j.sim.SimulatorConfig;
import dev.evals4j.sim.SimulatorConfig.Personality;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One workload of the benchmark: how many rows, how the simulated provider behaves, what a
 * perfect client would achieve, and how long any contender may take.
 *
 * @param name the name in the results table
 * @param rows how many rows (one call each, plus retries)
 * @param latencyMedian the median latency of one call
 * @param latencySigma the spread of the log-normal latency (0 for a constant latency)
 * @param rateSchedule the provider's request rate limit over time; empty for no limit
 * @param burst the number of requests the rate limit lets through at once
 * @param capacity the number of calls in flight above which latency grows; 0 for no capacity limit
 * @param errorRate the share of calls answered with a transient 5xx error
 * @param hangRate the share of calls that never answer
 * @param idealSeconds the makespan of a perfect client
 * @param idealDefinition how {@code idealSeconds} was computed, for the method note
 * @param taskTimeout the per-call timeout every contender uses
 * @param cap the hard time cap of one contender's run: no new row starts after it
 * @param charted whether the chart shows this scenario's in-flight calls
 * @param tokens the prompts' length and the provider's token limit
 * @param personality how the simulated server behaves (its threads and its {@code Retry-After})
 */
public record Scenario(
        String name,
        int rows,
        Duration latencyMedian,
        double latencySigma,
        List<RateStep> rateSchedule,
        int burst,
        int capacity,
        double errorRate,
        double hangRate,
        double idealSeconds,
        String idealDefinition,
        Duration taskTimeout,
        Duration cap,
        boolean charted,
        TokenLoad tokens,
        Personality personality) {

    /** The seed of every scenario's simulator, so every contender meets the same draws in the same order. */
    public static final long SEED = 42;
    private static final Duration MAX_HANG = Duration.ofSeconds(60);

    /** A scenario of short prompts without a token limit. */
    public Scenario(String name, int rows, Duration latencyMedian, double latencySigma, List<RateStep> rateSchedule,
            int burst, int capacity, double errorRate, double hangRate, double idealSeconds, String idealDefinition,
            Duration taskTimeout, Duration cap, boolean charted, Personality personality) {
        this(name, rows, latencyMedian, latencySigma, rateSchedule, burst, capacity, errorRate, hangRate, idealSeconds,
                idealDefinition, taskTimeout, cap, charted, TokenLoad.none(), personality);
    }

    /** Validates and copies. */
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(personality, "personality");
        rateSchedule = List.copyOf(rateSchedule);
        if (rows < 1 || idealSeconds <= 0 || capacity < 0 || burst < 0) {
            throw new IllegalArgumentException("scenario " + name + " has an impossible setting: rows=" + rows
                    + ", idealSeconds=" + idealSeconds + ", capacity=" + capacity + ", burst=" + burst);
        }
        if (!rateSchedule.isEmpty() && (burst < 1 || rateSchedule.get(0).atSeconds() != 0)) {
            throw new IllegalArgumentException("scenario " + name + ": a rate limit needs burst >= 1 and a first step"
                    + " at 0 s, was burst=" + burst + ", schedule=" + rateSchedule);
        }
    }

    /**
     * The prompts of this scenario's rows: {@code row-0}, {@code row-1}, and so on, padded with dots to
     * the token load's prompt length.
     */
    public List<String> prompts() {
        return IntStream.range(0, rows).mapToObj(i -> pad("row-" + i)).toList();
    }

    private String pad(String prompt) {
        int missing = tokens.promptChars() - prompt.length();
        return missing <= 0 ? prompt : prompt + " " + ".".repeat(missing - 1);
    }

    /**
     * The simulator settings of this scenario, with a fixed seed so every contender meets the same
     * draws in the same order. A hanging call is dropped after {@code maxHang}, far beyond any timeout.
     */
    public SimulatorConfig simulatorConfig() {
        SimulatorConfig.Builder config = SimulatorConfig.builder()
                .latency(latencyMedian, latencySigma)
                .errorRate(errorRate)
                .hangRate(hangRate)
                .maxHang(MAX_HANG)
                .seed(SEED)
                .personality(personality);
        if (!rateSchedule.isEmpty()) {
            config.rateLimit(rateSchedule.get(0).requestsPerSecond(), burst);
            for (RateStep step : rateSchedule.subList(1, rateSchedule.size())) {
                config.rateStep(Duration.ofNanos(Math.round(step.atSeconds() * 1e9)), step.requestsPerSecond());
            }
        }
        if (capacity > 0) {
            config.capacity(capacity);
        }
        if (tokens.limited()) {
            config.tokenLimit(tokens.tokensPerMinute(), tokens.tokenBurst());
        }
        return config.build();
    }

    /**
     * The command line of {@code dev.evals4j.sim.SimulatedProvider} that configures
     * {@link #simulatorConfig()} (on an ephemeral port), for a simulator in a JVM of its own.
     */
    public List<String> simulatorArguments() {
        List<String> args = new ArrayList<>(List.of(
                "--port", "0",
                "--latency-ms", Long.toString(latencyMedian.toMillis()),
                "--latency-sigma", number(latencySigma),
                "--error-rate", number(errorRate),
                "--hang-rate", number(hangRate),
                "--max-hang-s", Long.toString(MAX_HANG.toSeconds()),
                "--seed", Long.toString(SEED),
                "--personality", personality.cliName()));
        if (!rateSchedule.isEmpty()) {
            args.addAll(List.of("--rate", number(rateSchedule.get(0).requestsPerSecond()),
                    "--burst", Integer.toString(burst)));
            if (rateSchedule.size() > 1) {
                args.addAll(List.of("--schedule", rateSchedule.subList(1, rateSchedule.size()).stream()
                        .map(step -> number(step.atSeconds()) + ":" + number(step.requestsPerSecond()))
                        .collect(Collectors.joining(","))));
            }
        }
        if (capacity > 0) {
            args.addAll(List.of("--capacity", Integer.toString(capacity)));
        }
        if (tokens.limited()) {
            args.addAll(List.of("--tokens-per-minute", Long.toString(tokens.tokensPerMinute()),
                    "--token-burst", Integer.toString(tokens.tokenBurst())));
        }
        return args;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
