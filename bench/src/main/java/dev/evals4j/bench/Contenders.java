package dev.evals4j.bench;

import dev.evals4j.concurrency.Adaptive;
import dev.evals4j.concurrency.Aimd;
import dev.evals4j.concurrency.ConcurrencyStrategies;
import dev.evals4j.concurrency.SlidingWindow;
import java.util.List;

/** The contenders of the benchmark, in table order. */
public final class Contenders {

    private Contenders() {}

    /**
     * Every contender: {@code adaptive} (dotevals' defaults), {@code aimd} (the seed's controller,
     * max 100, starting at 100 as Phoenix starts it at its concurrency), {@code fixed-100},
     * {@code default} (the strategy and pacer of {@link ConcurrencyStrategies#defaults}, max 100) and
     * {@code junit-parallel}. The small fixed windows ({@code sliding-10}, {@code fixed-3}) are left out:
     * they reach every scenario's time cap, which cost a minute and a half of the eight the whole benchmark
     * may take, to show what is known (a fixed window far below the ceiling is slow). So is
     * {@code adaptive+pacer} ({@code adaptive} behind an {@link dev.evals4j.concurrency.AdaptiveRateLimiter}
     * with Phoenix's defaults): its pacer starts at 10 requests/s, one at a time, and grows x1.2 a second,
     * so it admits about 430 calls in 12 s and reached the time cap of almost every scenario.
     */
    public static List<Contender> all() {
        int max = Scenarios.MAX_CONCURRENCY;
        return List.of(
                ExecutorContender.of("adaptive", ticker -> Adaptive.builder().ticker(ticker).build()),
                ExecutorContender.of("aimd", ticker -> new Aimd(max, max, ticker)),
                fixed(max),
                new ExecutorContender("default", ticker -> ConcurrencyStrategies.defaults(max, ticker).strategy(),
                        ticker -> ConcurrencyStrategies.defaults(max, ticker).pacer()),
                junitParallel());
    }

    /** The executor with a fixed window of {@code n} calls, named {@code fixed-n}. */
    public static Contender fixed(int n) {
        return ExecutorContender.of("fixed-" + n, ticker -> new SlidingWindow(n));
    }

    /** JUnit Jupiter's parallel {@code @ParameterizedTest} at the adaptive strategies' ceiling. */
    public static Contender junitParallel() {
        return new JupiterParallelContender(Scenarios.MAX_CONCURRENCY);
    }
}
