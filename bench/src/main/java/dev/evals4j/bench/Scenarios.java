package dev.evals4j.bench;

import dev.evals4j.sim.SimulatorConfig.Personality;
import java.time.Duration;
import java.util.List;

/**
 * The scenarios of the benchmark, sized so that the whole benchmark (every contender, {@code default}
 * three times, and the engine overhead) runs in under eight minutes on two cores: the ideals are 5 to
 * 8 s, and every scenario has a time cap that a slow contender cannot pass: about one and a half times
 * the ideal of a gated scenario (its goal is at most 1.30, so a capped run misses it either way).
 */
public final class Scenarios {

    /** The concurrency ceiling of the adaptive strategies, and the divisor of the unbounded ideals. */
    public static final int MAX_CONCURRENCY = 100;

    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final double SMALL_SPREAD = 0.1;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private Scenarios() {}

    /** All scenarios, in table order. */
    public static List<Scenario> all() {
        return List.of(latencyBound(), unbounded(), rateLimited(), rateLimitedTypicalProvider(), capacityLimited(),
                shiftingLimit(), flaky(), tokenLimited());
    }

    /**
     * 1,000 rows of log-normal latency (median 500 ms, sigma 0.5: p95 1.1 s, p99 1.6 s) with no server
     * limit and a ceiling of 100 in flight: ideal = the makespan of a client that keeps 100 calls in
     * flight from the start, over the simulator's own draws. Its ratio shows how fast a strategy ramps up.
     */
    public static Scenario latencyBound() {
        int rows = 1_000;
        Duration median = Duration.ofMillis(500);
        double sigma = 0.5;
        double ideal = IdealMakespan.listScheduling(
                IdealMakespan.simulatorLatencies(median, sigma, Scenario.SEED, rows), MAX_CONCURRENCY);
        return new Scenario("latency-bound", rows, median, sigma, List.of(), 0, 0, 0.0, 0.0, ideal,
                "the makespan of " + MAX_CONCURRENCY + " calls in flight from the start over the simulator's seeded"
                        + " log-normal draws (N x mean latency / " + MAX_CONCURRENCY + " = "
                        + String.format(java.util.Locale.ROOT, "%.2f", rows * seconds(median)
                                * Math.exp(sigma * sigma / 2) / MAX_CONCURRENCY) + " s)",
                Duration.ofSeconds(10), Duration.ofSeconds(11), true, Personality.EVALS4J);
    }

    /**
     * The CPU-bound stress scenario, reported but not gated: 2,000 rows of 50 ms with no server limit,
     * 2,000 calls/s at 100 in flight, which saturates two cores with HTTP work: ideal = N x latency / 100.
     * Its time cap is 4 s: a ratio above 4 says only that the machine was busy.
     */
    public static Scenario unbounded() {
        int rows = 2_000;
        return new Scenario("unbounded", rows, LATENCY, SMALL_SPREAD, List.of(), 0, 0, 0.0, 0.0,
                rows * seconds(LATENCY) / MAX_CONCURRENCY,
                "N x median latency / " + MAX_CONCURRENCY + " (the adaptive strategies' ceiling, used for every contender)",
                TIMEOUT, Duration.ofSeconds(4), false, Personality.EVALS4J);
    }

    /** 800 rows against 100 requests/s (burst 10), 429 + fractional Retry-After above it: ideal = N / R. */
    public static Scenario rateLimited() {
        return rateLimited("rate-limited", 10, Personality.EVALS4J);
    }

    /**
     * The rate-limited scenario against the typical provider: burst 5, {@code Retry-After} in whole seconds
     * rounded up ({@code retry-after-ms} exact), a thread per connection: ideal = N / R.
     */
    public static Scenario rateLimitedTypicalProvider() {
        return rateLimited("rate-limited-typical", Personality.TYPICAL_PROVIDER.typicalBurst(),
                Personality.TYPICAL_PROVIDER);
    }

    private static Scenario rateLimited(String name, int burst, Personality personality) {
        int rows = 800;
        double rate = 100;
        return new Scenario(name, rows, LATENCY, SMALL_SPREAD, List.of(new RateStep(0, rate)), burst, 0,
                0.0, 0.0, rows / rate, "N / R with R = " + (int) rate + " req/s, burst " + burst,
                TIMEOUT, Duration.ofSeconds(12), true, personality);
    }

    /** 600 rows; latency grows once more than 20 calls are in flight: ideal = N x latency / K. */
    public static Scenario capacityLimited() {
        int rows = 600;
        int capacity = 20;
        return new Scenario("capacity-limited", rows, LATENCY, SMALL_SPREAD, List.of(), 0, capacity, 0.0, 0.0,
                rows * seconds(LATENCY) / capacity, "N x median latency / K with K = " + capacity,
                TIMEOUT, Duration.ofSeconds(6), false, Personality.EVALS4J);
    }

    /**
     * 500 rows; 100 requests/s, a quarter of that from 2 s to 4 s, then 100 again: ideal = the time
     * the schedule takes to admit N requests.
     */
    public static Scenario shiftingLimit() {
        int rows = 500;
        List<RateStep> schedule = List.of(new RateStep(0, 100), new RateStep(2, 25), new RateStep(4, 100));
        return new Scenario("shifting", rows, LATENCY, SMALL_SPREAD, schedule, 10, 0, 0.0, 0.0,
                RateStep.timeToServe(rows, schedule),
                "time for the schedule 100 req/s, 25 req/s from 2 s, 100 req/s from 4 s to admit N",
                TIMEOUT, Duration.ofSeconds(10), true, Personality.EVALS4J);
    }

    /**
     * The flaky workload: 240 rows of 300 ms against 40 requests/s (burst 5) at the typical
     * provider, and 5% of calls answered with a transient 500: ideal = N / R. A steady share of
     * transient errors is not overload: a client that lowers its concurrency on it (40 req/s x 0.3 s
     * needs 12 calls in flight) falls behind the rate limit. Every row must complete.
     */
    public static Scenario flaky() {
        int rows = 240;
        double rate = 40;
        int burst = Personality.TYPICAL_PROVIDER.typicalBurst();
        return new Scenario("flaky", rows, Duration.ofMillis(300), SMALL_SPREAD, List.of(new RateStep(0, rate)),
                burst, 0, 0.05, 0.0, rows / rate,
                "N / R with R = " + (int) rate + " req/s, burst " + burst + ", 5% transient 500s (retries not counted)",
                TIMEOUT, Duration.ofSeconds(9), true, Personality.TYPICAL_PROVIDER);
    }

    /**
     * 400 rows of 400-character prompts (100 tokens, echoed: 200 tokens a call) against 100 requests/s
     * (burst 10) and 600,000 tokens a minute (10,000 a second, burst 2,000): the tokens bind at 50
     * calls a second. Ideal = total tokens / token rate.
     */
    public static Scenario tokenLimited() {
        int rows = 400;
        double rate = 100;
        TokenLoad tokens = new TokenLoad(400, 600_000, 2_000);
        return new Scenario("token-limited", rows, LATENCY, SMALL_SPREAD, List.of(new RateStep(0, rate)), 10, 0,
                0.0, 0.0, rows * tokens.tokensPerCall() / tokens.tokensPerSecond(),
                "N x tokens per call / token rate with " + tokens.tokensPerCall() + " tokens a call and "
                        + (long) tokens.tokensPerSecond() + " tokens/s (requests: " + (int) rate + "/s)",
                TIMEOUT, Duration.ofSeconds(12), true, tokens, Personality.EVALS4J);
    }

    /**
     * The multi-runner scenario ({@link MultiRunner}, not one of {@link #all()}: its contenders are runner
     * JVMs, not executors): 1,500 rows of 50 ms against 100 requests/s (burst 10), drained by
     * {@value MultiRunner#RUNNERS} runners together: ideal = N / R. The cap bounds the runners' JVMs,
     * their start and end included.
     */
    public static Scenario multiRunner() {
        int rows = 1_500;
        double rate = 100;
        return new Scenario(MultiRunner.SCENARIO, rows, LATENCY, SMALL_SPREAD, List.of(new RateStep(0, rate)), 10, 0,
                0.0, 0.0, rows / rate, "N / R with R = " + (int) rate + " req/s, burst 10, for all "
                        + MultiRunner.RUNNERS + " runners together",
                TIMEOUT, Duration.ofSeconds(120), false, Personality.EVALS4J);
    }

    /** 1,000 quick rows with no limit, run before the benchmark and not reported. */
    public static Scenario warmUp() {
        int rows = 1_000;
        Duration latency = Duration.ofMillis(5);
        return new Scenario("warm-up", rows, latency, 0.0, List.of(), 0, 0, 0.0, 0.0,
                rows * seconds(latency) / MAX_CONCURRENCY, "not reported", TIMEOUT, Duration.ofSeconds(10), false, Personality.EVALS4J);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
