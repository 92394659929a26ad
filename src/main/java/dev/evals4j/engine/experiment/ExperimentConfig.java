package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.engine.config.ConfigKeys;
import dev.evals4j.engine.config.InvalidConfigurationException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The configuration of experiments beyond {@code EngineConfig}: read from the execution request's
 * configuration parameters. Immutable.
 *
 * @param shutdownGrace {@code evals4j.shutdownGrace}: how long rows in flight may finish, and be
 *     recorded, after Ctrl-C or SIGTERM (default 10 s)
 * @param rescore {@code evals4j.rescore}: the scores to add by re-scoring stored outputs, separated by
 *     commas (see {@link Rescoring}); empty when rows run normally
 * @param runnerId {@code evals4j.runner}: this process's name in a shared experiment (default
 *     {@link RunnerIds#generate()})
 * @param lease {@code evals4j.lease}: how long a claim on a pair lives without renewal
 * @param limitGroup {@code evals4j.limitGroup}: the limit group methods share the provider's rate limit
 *     in, {@code none} for none; empty for the default (see {@link ExperimentNames#limitGroup})
 */
@API(status = INTERNAL, since = "0.1")
public record ExperimentConfig(Duration shutdownGrace, String rescore, String runnerId, Duration lease,
        Optional<String> limitGroup) {

    /** Validates. */
    public ExperimentConfig {
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(rescore, "rescore");
        Objects.requireNonNull(runnerId, "runnerId");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(limitGroup, "limitGroup");
    }

    /** The configuration when no key is set. */
    public static ExperimentConfig defaults() {
        return new ExperimentConfig(ConfigKeys.SHUTDOWN_GRACE.defaultValue().orElseThrow(),
                ConfigKeys.RESCORE.defaultValue().orElseThrow(), RunnerIds.generate(),
                ConfigKeys.LEASE.defaultValue().orElseThrow(), Optional.empty());
    }

    /**
     * Reads the keys (which discovery has validated already).
     *
     * @throws InvalidConfigurationException naming the key, the value and the allowed values
     */
    public static ExperimentConfig read(ConfigurationParameters parameters) {
        return new ExperimentConfig(ConfigKeys.SHUTDOWN_GRACE.readOrDefault(parameters),
                ConfigKeys.RESCORE.readOrDefault(parameters),
                ConfigKeys.RUNNER.read(parameters).orElseGet(RunnerIds::generate),
                ConfigKeys.LEASE.readOrDefault(parameters), ConfigKeys.LIMIT_GROUP.read(parameters));
    }
}
