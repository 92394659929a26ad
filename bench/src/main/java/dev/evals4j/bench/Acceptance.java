package dev.evals4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The acceptance figures of issue 11 for one contender (normally {@code default}), each checked on the
 * median of the contender's runs: latency-bound ratio at most 1.10; rate-limited ratio at most 1.15 with
 * at most 5% of calls rejected, against both simulator personalities; shifting ratio at most 1.30; flaky
 * (5% transient 500s under a rate limit) ratio at most 1.30 with no row lost or failed; token-limited ratio
 * at most 1.25 with at most 10% of calls rejected. The CPU-bound {@code unbounded} stress scenario is reported, not gated.
 */
public final class Acceptance {

    /**
     * One figure checked against its limit.
     *
     * @param scenario the scenario the figure comes from
     * @param figure what was measured, such as {@code ratio}
     * @param actual the measured value
     * @param limit the largest acceptable value
     */
    public record Check(String scenario, String figure, double actual, double limit) {

        /** Whether the figure is within its limit. */
        public boolean met() {
            return actual <= limit;
        }

        /** A one-line verdict, such as {@code rate-limited ratio 1.08 <= 1.25: met}. */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%s %s %.3f <= %.2f: %s",
                    scenario, figure, actual, limit, met() ? "met" : "MISSED");
        }
    }

    private Acceptance() {}

    /** Checks {@code contender}'s lines of {@code rows}; a scenario the contender did not run is skipped. */
    public static List<Check> evaluate(List<BenchRow> rows, String contender) {
        List<Check> checks = new ArrayList<>();
        add(checks, rows, contender, "latency-bound", "ratio", BenchRow::ratio, 1.10);
        for (String rateLimited : List.of("rate-limited", "rate-limited-typical")) {
            add(checks, rows, contender, rateLimited, "ratio", BenchRow::ratio, 1.15);
            add(checks, rows, contender, rateLimited, "rejected share", BenchRow::rejectedShare, 0.05);
        }
        add(checks, rows, contender, "shifting", "ratio", BenchRow::ratio, 1.30);
        add(checks, rows, contender, "flaky", "ratio", BenchRow::ratio, 1.30);
        add(checks, rows, contender, "flaky", "lost", BenchRow::lost, 0);
        add(checks, rows, contender, "flaky", "failed", BenchRow::failed, 0);
        add(checks, rows, contender, "token-limited", "ratio", BenchRow::ratio, 1.25);
        add(checks, rows, contender, "token-limited", "rejected share", BenchRow::rejectedShare, 0.10);
        return checks;
    }

    private static void add(List<Check> checks, List<BenchRow> rows, String contender, String scenario,
            String figure, ToDoubleFunction<BenchRow> value, double limit) {
        List<Double> values = rows.stream()
                .filter(row -> row.contender().equals(contender) && row.scenario().equals(scenario))
                .map(value::applyAsDouble)
                .toList();
        if (!values.isEmpty()) {
            checks.add(new Check(scenario, figure + (values.size() > 1 ? " (median of " + values.size() + ")" : ""),
                    Spread.of(values).median(), limit));
        }
    }
}
