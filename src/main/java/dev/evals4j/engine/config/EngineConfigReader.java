package dev.evals4j.engine.config;

import java.time.Duration;
import dev.evals4j.execution.RetryPolicy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Reads and validates an {@link EngineConfig} from JUnit {@link ConfigurationParameters}, so that
 * {@code -D} system properties, {@code junit-platform.properties} and Surefire's
 * {@code configurationParameters} all work. Stateless and thread-safe.
 */
public final class EngineConfigReader {

    /** The concurrency strategy names the engine accepts. */
    public static final List<String> STRATEGIES = List.of("adaptive", "sliding", "aimd", "sequential");

    private static final Pattern EXPERIMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private EngineConfigReader() {}

    /**
     * Reads every key of DESIGN.md §5.
     *
     * @throws InvalidConfigurationException if an {@code evals4j.*} key is unknown or a value is invalid;
     *     the message names the key, the value and the allowed values
     */
    public static EngineConfig read(ConfigurationParameters parameters) {
        rejectUnknownKeys(parameters.keySet());
        Reader r = new Reader(parameters);
        EngineConfig config = new EngineConfig(
                r.optional(ConfigKeys.CONCURRENT, "true or false", EngineConfigReader::parseBoolean),
                r.optional(ConfigKeys.STRATEGY, "one of " + String.join(", ", STRATEGIES), EngineConfigReader::parseStrategy),
                r.optional(ConfigKeys.MAX_CONCURRENCY, "a positive integer", EngineConfigReader::parsePositiveInt).orElse(0),
                r.optional(ConfigKeys.INITIAL_CONCURRENCY, "a positive integer", EngineConfigReader::parsePositiveInt).orElse(0),
                r.optional(ConfigKeys.MAX_ATTEMPTS, "a positive integer", EngineConfigReader::parsePositiveInt).orElse(0),
                r.optional(ConfigKeys.RETRY_WAIT, "a non-empty value", EngineConfigReader::parseNonBlank),
                r.optional(ConfigKeys.TIMEOUT, Durations.SYNTAX, EngineConfigReader::parseDuration),
                r.optional(ConfigKeys.EXPERIMENT, "a name of letters, digits, '.', '_' and '-' (at most 128)",
                        EngineConfigReader::parseExperiment),
                r.optional(ConfigKeys.STORAGE, "sqlite, none, or a JDBC URL (jdbc:sqlite:..., jdbc:postgresql:...)",
                        EngineConfigReader::parseStorage).orElse(EngineConfig.DEFAULT_STORAGE),
                r.optional(ConfigKeys.REPETITIONS, "a positive integer", EngineConfigReader::parsePositiveInt).orElse(1),
                r.optional(ConfigKeys.STOP_ON_FIRST_ERROR, "true or false", EngineConfigReader::parseBoolean).orElse(false),
                r.optional(ConfigKeys.LIMIT, "a positive integer", EngineConfigReader::parsePositiveLong).orElse(0L),
                r.optional(ConfigKeys.PROGRESS, allowed(ProgressMode.values()), s -> parseEnum(ProgressMode.class, s))
                        .orElse(ProgressMode.AUTO),
                r.optional(ConfigKeys.REPORT, allowed(ReportMode.values()), s -> parseEnum(ReportMode.class, s))
                        .orElse(ReportMode.ROWS),
                r.optional(ConfigKeys.RESUME_RERUN, allowed(ResumeRerun.values()), s -> parseEnum(ResumeRerun.class, s))
                        .orElse(ResumeRerun.ERRORS));
        checkRetryPolicy(config);
        return config;
    }

    /** The executor owns the retry syntax: let it judge the retry keys now rather than when a method runs. */
    private static void checkRetryPolicy(EngineConfig config) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (config.maxAttempts() > 0) {
            keys.put(ConfigKeys.MAX_ATTEMPTS, Integer.toString(config.maxAttempts()));
        }
        config.retryWait().ifPresent(wait -> keys.put(ConfigKeys.RETRY_WAIT, wait));
        try {
            RetryPolicy.fromKeys(keys);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("Invalid retry configuration: " + e.getMessage());
        }
    }

    private static void rejectUnknownKeys(Set<String> keys) {
        Set<String> unknown = keys.stream()
                .filter(k -> k.startsWith(ConfigKeys.PREFIX) && !ConfigKeys.KNOWN.contains(k))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new InvalidConfigurationException("Unknown configuration parameter" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "))
                    + ": the evals4j keys are " + String.join(", ", new TreeSet<>(ConfigKeys.KNOWN)));
        }
    }

    /** Reads one key; a value the parser rejects (returns {@code null}) becomes an error naming the key. */
    private record Reader(ConfigurationParameters parameters) {
        <T> Optional<T> optional(String key, String allowed, Function<String, T> parser) {
            Optional<String> raw = parameters.get(key);
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            T value = parser.apply(raw.get().trim());
            if (value == null) {
                throw InvalidConfigurationException.badValue(key, raw.get(), allowed);
            }
            return Optional.of(value);
        }
    }

    private static Boolean parseBoolean(String s) {
        return s.equalsIgnoreCase("true") ? Boolean.TRUE : s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static String parseStrategy(String s) {
        String name = s.toLowerCase(Locale.ROOT);
        return STRATEGIES.contains(name) ? name : null;
    }

    private static Integer parsePositiveInt(String s) {
        try {
            int value = Integer.parseInt(s);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parsePositiveLong(String s) {
        try {
            long value = Long.parseLong(s);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String parseNonBlank(String s) {
        return s.isEmpty() ? null : s;
    }

    private static Duration parseDuration(String s) {
        return Durations.parse(s).orElse(null);
    }

    private static String parseExperiment(String s) {
        return EXPERIMENT_NAME.matcher(s).matches() ? s : null;
    }

    private static String parseStorage(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.equals("sqlite") || lower.equals("none") ? lower
                : lower.startsWith("jdbc:") && s.length() > "jdbc:".length() ? s : null;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String s) {
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String allowed(Enum<?>[] values) {
        return "one of " + Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
