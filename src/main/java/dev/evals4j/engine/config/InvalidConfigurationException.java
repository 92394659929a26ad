package dev.evals4j.engine.config;

import org.junit.platform.commons.JUnitException;

/**
 * A configuration parameter is unknown or has a value the engine cannot use. The message names the
 * key, the value and what is allowed. Found during discovery and reported there as a discovery issue, so
 * the engine fails before any row runs while the other engines of the run still run.
 */
public final class InvalidConfigurationException extends JUnitException {

    private static final long serialVersionUID = 1L;

    /** An error with a complete, user-facing message. */
    public InvalidConfigurationException(String message) {
        super(message);
    }

    static InvalidConfigurationException badValue(String key, String value, String allowed) {
        return new InvalidConfigurationException(
                "Invalid value '" + value + "' for configuration parameter '" + key + "': allowed " + allowed);
    }
}
