package dev.evals4j.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which (scenario, contender) pairs a run measures: all of them, or those named by the
 * {@code bench.only} system property (or the {@code BENCH_ONLY} environment variable, which reaches
 * the benchmark JVM that {@code ./mvnw -Pbench verify} starts). Its value is a comma-separated list of
 * {@code scenario:contender} selectors in which either side may be {@code *}, and a bare
 * {@code scenario} means {@code scenario:*}; for example {@code rate-limited:default,shifting}.
 *
 * @param selectors the selectors, empty for everything
 */
public record Selection(List<Selector> selectors) {

    /** The system property that selects pairs. */
    public static final String PROPERTY = "bench.only";
    /** The environment variable read when the property is not set. */
    public static final String ENVIRONMENT_VARIABLE = "BENCH_ONLY";

    /** A copy of {@code selectors}. */
    public Selection {
        selectors = List.copyOf(selectors);
    }

    /** The selection of the property, else of the environment variable, else everything. */
    public static Selection fromEnvironment() {
        String value = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT_VARIABLE));
        return value == null ? new Selection(List.of()) : parse(value);
    }

    /**
     * Parses a {@code bench.only} value.
     *
     * @throws IllegalArgumentException naming the property and the value when a selector is blank
     */
    public static Selection parse(String value) {
        List<Selector> selectors = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(text -> !text.isEmpty())
                .map(Selection::selector)
                .toList();
        if (selectors.isEmpty()) {
            throw new IllegalArgumentException(PROPERTY + " '" + value
                    + "' selects nothing; use scenario:contender selectors, e.g. rate-limited:default,shifting");
        }
        return new Selection(selectors);
    }

    /** Whether the run measures {@code contender} on {@code scenario}. */
    public boolean includes(String scenario, String contender) {
        return selectors.isEmpty() || selectors.stream().anyMatch(selector -> selector.matches(scenario, contender));
    }

    /** Whether the run measures anything on {@code scenario}. */
    public boolean includesScenario(String scenario) {
        return selectors.isEmpty() || selectors.stream().anyMatch(selector -> selector.matches(scenario, "*"));
    }

    private static Selector selector(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split(":", 2);
        return new Selector(parts[0].trim(), parts.length > 1 ? parts[1].trim() : "*");
    }

    /**
     * One {@code scenario:contender} selector; {@code *} matches any name.
     *
     * @param scenario a scenario name or {@code *}
     * @param contender a contender name or {@code *}
     */
    public record Selector(String scenario, String contender) {

        boolean matches(String scenarioName, String contenderName) {
            return matchesName(scenario, scenarioName) && (contenderName.equals("*") || matchesName(contender, contenderName));
        }

        private static boolean matchesName(String pattern, String name) {
            return pattern.equals("*") || pattern.equals(name);
        }
    }
}
