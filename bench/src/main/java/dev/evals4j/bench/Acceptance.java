package dev.evals4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The acceptance figures of issue 2 for one contender (normally {@code default}): unbounded ratio
 * at most 1.10; rate-limited ratio at most 1.25 with at most 10% of calls rejected; shifting ratio
 * at most 1.5; flaky with no row lost.
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
        add(checks, rows, contender, "unbounded", "ratio", BenchRow::ratio, 1.10);
        add(checks, rows, contender, "rate-limited", "ratio", BenchRow::ratio, 1.25);
        add(checks, rows, contender, "rate-limited", "rejected share", BenchRow::rejectedShare, 0.10);
        add(checks, rows, contender, "shifting", "ratio", BenchRow::ratio, 1.5);
        add(checks, rows, contender, "flaky", "lost", BenchRow::lost, 0);
        add(checks, rows, contender, "token-limited", "ratio", BenchRow::ratio, 1.25);
        add(checks, rows, contender, "token-limited", "rejected share", BenchRow::rejectedShare, 0.10);
        return checks;
    }

    private static void add(List<Check> checks, List<BenchRow> rows, String contender, String scenario,
            String figure, ToDoubleFunction<BenchRow> value, double limit) {
        find(rows, contender, scenario)
                .ifPresent(row -> checks.add(new Check(scenario, figure, value.applyAsDouble(row), limit)));
    }

    private static Optional<BenchRow> find(List<BenchRow> rows, String contender, String scenario) {
        return rows.stream()
                .filter(row -> row.contender().equals(contender) && row.scenario().equals(scenario))
                .findFirst();
    }
}
