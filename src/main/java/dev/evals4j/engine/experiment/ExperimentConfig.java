package dev.evals4j.engine.experiment;

import dev.evals4j.engine.config.ConfigKeys;
import dev.evals4j.engine.config.Durations;
import dev.evals4j.engine.config.InvalidConfigurationException;
import dev.evals4j.execution.AsyncExecutor;
import java.time.Duration;
import java.util.Objects;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The configuration of experiments beyond {@code EngineConfig}: read from the execution request's
 * configuration parameters. Immutable.
 *
 * @param shutdownGrace {@code evals4j.shutdownGrace}: how long rows in flight may finish, and be
 *     recorded, after Ctrl-C or SIGTERM (default 10 s)
 */
public record ExperimentConfig(Duration shutdownGrace) {

    /** Validates. */
    public ExperimentConfig {
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    }

    /**
     * Reads the keys.
     *
     * @throws InvalidConfigurationException naming the key, the value and the allowed values
     */
    public static ExperimentConfig read(ConfigurationParameters parameters) {
        Duration grace = parameters.get(ConfigKeys.SHUTDOWN_GRACE)
                .map(value -> Durations.parse(value).orElseThrow(() -> new InvalidConfigurationException(
                        "Invalid value '" + value + "' for configuration parameter '" + ConfigKeys.SHUTDOWN_GRACE
                                + "': allowed " + Durations.SYNTAX)))
                .orElse(AsyncExecutor.DEFAULT_SHUTDOWN_GRACE);
        return new ExperimentConfig(grace);
    }
}
