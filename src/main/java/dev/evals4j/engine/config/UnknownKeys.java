package dev.evals4j.engine.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Finds the {@code evals4j.*} keys that no {@link ConfigKey} declares, in every source a key can come
 * from: the request's configuration parameters (explicit parameters and, when the launcher reads them,
 * {@code junit-platform.properties} and the system properties) and the system properties themselves,
 * through which {@code mvn -D} values arrive even when a launcher does not pass them on. Stateless.
 */
final class UnknownKeys {

    private UnknownKeys() {}

    /** One error per unknown key, naming its value and the nearest known key, in key order. */
    static List<InvalidConfigurationException> in(ConfigurationParameters parameters, Properties systemProperties) {
        Set<String> known = ConfigKeys.names();
        return Stream.concat(parameters.keySet().stream(), systemProperties.stringPropertyNames().stream())
                .filter(key -> key.startsWith(ConfigKeys.PREFIX) && !known.contains(key))
                .collect(Collectors.toCollection(TreeSet::new)).stream()
                .map(key -> unknown(key, parameters.get(key).orElseGet(() -> systemProperties.getProperty(key, "")),
                        known))
                .toList();
    }

    private static InvalidConfigurationException unknown(String key, String value, Set<String> known) {
        String suggestion = nearest(key, known).map(k -> ": did you mean " + k + "?").orElse(".");
        return new InvalidConfigurationException("Unknown configuration parameter '" + key + "' (value '" + value + "')"
                + suggestion + " The evals4j keys are " + String.join(", ", new TreeSet<>(known)) + ".");
    }

    /** The known key closest to {@code key} in edit distance, when it is close enough to be a typo of it. */
    static Optional<String> nearest(String key, Set<String> known) {
        int tolerance = Math.max(2, key.length() / 4);
        return known.stream()
                .filter(k -> distance(key, k) <= tolerance)
                .min(Comparator.comparingInt((String k) -> distance(key, k)).thenComparing(Comparator.naturalOrder()));
    }

    /** The Levenshtein distance: the fewest insertions, deletions and substitutions turning {@code a} into {@code b}. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
