package dev.evals4j.engine.descriptor;

import dev.evals4j.engine.config.EngineConfig;
import java.util.Objects;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/** The root of an evals4j test plan; carries the configuration read during discovery. */
public final class EvalsEngineDescriptor extends EngineDescriptor {

    private final EngineConfig config;

    /** A root with the engine's unique id and the run's configuration. */
    public EvalsEngineDescriptor(UniqueId uniqueId, EngineConfig config) {
        super(uniqueId, "evals4j");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The configuration of this run. */
    public EngineConfig config() {
        return config;
    }
}
