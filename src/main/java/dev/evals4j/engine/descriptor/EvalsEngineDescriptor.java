package dev.evals4j.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.engine.config.EngineConfig;
import dev.evals4j.engine.config.InvalidConfigurationException;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The root of an evals4j test plan; carries the configuration read during discovery and, when that
 * configuration is wrong, the error that fails the run instead.
 */
@API(status = INTERNAL, since = "0.1")
public final class EvalsEngineDescriptor extends EngineDescriptor {

    private final EngineConfig config;
    private final Optional<InvalidConfigurationException> configurationError;

    /** A root with the engine's unique id and the run's valid configuration. */
    public EvalsEngineDescriptor(UniqueId uniqueId, EngineConfig config) {
        this(uniqueId, config, Optional.empty());
    }

    /**
     * A root with the engine's unique id and the run's configuration.
     *
     * @param configurationError every problem of the configuration, if it has any: then no row runs
     */
    public EvalsEngineDescriptor(UniqueId uniqueId, EngineConfig config,
            Optional<InvalidConfigurationException> configurationError) {
        super(uniqueId, "evals4j");
        this.config = Objects.requireNonNull(config, "config");
        this.configurationError = Objects.requireNonNull(configurationError, "configurationError");
    }

    /** The configuration of this run. */
    public EngineConfig config() {
        return config;
    }

    /** Every problem of the configuration (unknown keys, bad values), if it has any. */
    public Optional<InvalidConfigurationException> configurationError() {
        return configurationError;
    }
}
