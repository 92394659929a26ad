package dev.evals4j.engine.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Reads and validates an {@link EngineConfig} from JUnit {@link ConfigurationParameters}, so that
 * {@code -D} system properties, {@code junit-platform.properties} and Surefire's
 * {@code configurationParameters} all work. Every key of {@link ConfigKeys#ALL} is validated, those read
 * only when the run starts included, and every {@code evals4j.*} key that none declares is reported.
 * Stateless and thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class EngineConfigReader {

    private EngineConfigReader() {}

    /**
     * Reads every key, reporting each problem (an unknown {@code evals4j.*} key, a bad value) to
     * {@code problems} instead of stopping at the first: a key with a bad value keeps its default.
     *
     * @param systemProperties the system properties, checked for unknown keys too
     * @param problems receives one error per problem; each message names the key, the value and the
     *     allowed values
     */
    public static EngineConfig read(ConfigurationParameters parameters, Properties systemProperties,
            Consumer<InvalidConfigurationException> problems) {
        UnknownKeys.in(parameters, systemProperties).forEach(problems);
        Values values = new Values(parameters, problems);
        EngineConfig config = new EngineConfig(
                values.get(ConfigKeys.CONCURRENT),
                values.get(ConfigKeys.STRATEGY),
                values.get(ConfigKeys.MAX_CONCURRENCY).orElse(0),
                values.get(ConfigKeys.INITIAL_CONCURRENCY).orElse(0),
                values.get(ConfigKeys.MAX_ATTEMPTS).orElse(0),
                values.get(ConfigKeys.RETRY_WAIT),
                values.get(ConfigKeys.TIMEOUT),
                values.get(ConfigKeys.EXPERIMENT),
                values.getOrDefault(ConfigKeys.STORAGE),
                values.getOrDefault(ConfigKeys.REPETITIONS),
                values.getOrDefault(ConfigKeys.STOP_ON_FIRST_ERROR),
                values.get(ConfigKeys.LIMIT).orElse(0L),
                values.getOrDefault(ConfigKeys.PROGRESS),
                values.getOrDefault(ConfigKeys.REPORT),
                values.getOrDefault(ConfigKeys.RESUME_RERUN),
                values.getOrDefault(ConfigKeys.CLASSIFIERS),
                values.getOrDefault(ConfigKeys.CHARTS),
                values.getOrDefault(ConfigKeys.REPORT_DIR));
        values.validateUnread();
        return config;
    }

    /**
     * Reads every key; the system properties are checked for unknown keys too.
     *
     * @throws InvalidConfigurationException if an {@code evals4j.*} key is unknown or a value is invalid;
     *     the message names every such key, its value and the allowed values
     */
    public static EngineConfig read(ConfigurationParameters parameters) {
        List<InvalidConfigurationException> problems = new ArrayList<>();
        EngineConfig config = read(parameters, System.getProperties(), problems::add);
        if (!problems.isEmpty()) {
            throw InvalidConfigurationException.combining(problems);
        }
        return config;
    }

    /**
     * Reads keys for one {@link #read} call, reporting bad values. Confined to the calling thread.
     */
    private static final class Values {

        private final ConfigurationParameters parameters;
        private final Consumer<InvalidConfigurationException> problems;
        private final Set<ConfigKey<?>> read = new HashSet<>();

        Values(ConfigurationParameters parameters, Consumer<InvalidConfigurationException> problems) {
            this.parameters = parameters;
            this.problems = problems;
        }

        <T> Optional<T> get(ConfigKey<T> key) {
            read.add(key);
            try {
                return key.read(parameters);
            } catch (InvalidConfigurationException e) {
                problems.accept(e);
                return Optional.empty();
            }
        }

        <T> T getOrDefault(ConfigKey<T> key) {
            return get(key).or(key::defaultValue)
                    .orElseThrow(() -> new IllegalStateException(key + " has no default value"));
        }

        /** Validates the keys the engine reads only when the run starts, so that a bad value fails discovery. */
        void validateUnread() {
            ConfigKeys.ALL.stream().filter(key -> !read.contains(key)).forEach(this::get);
        }
    }
}
