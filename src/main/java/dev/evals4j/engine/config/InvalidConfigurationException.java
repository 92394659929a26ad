package dev.evals4j.engine.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.platform.commons.JUnitException;

/**
 * A configuration parameter is unknown or has a value the engine cannot use. The message names the
 * key, the value and what is allowed. Found during discovery; the engine then fails every class with it
 * before any row runs, while the other engines of the run still run.
 */
@API(status = INTERNAL, since = "0.1")
public final class InvalidConfigurationException extends JUnitException {

    private static final long serialVersionUID = 1L;

    /**
     * An error with a complete, user-facing message. It has no stack trace: that would show the engine's
     * parsing, not where the user's mistake is, and bury the message in the console.
     */
    public InvalidConfigurationException(String message) {
        super(message, null, true, false);
    }

    /** One error whose message lists every problem of {@code problems}, one per line. */
    public static InvalidConfigurationException combining(List<InvalidConfigurationException> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems to combine");
        }
        return problems.size() == 1 ? problems.get(0) : new InvalidConfigurationException(
                problems.size() + " configuration problems:\n" + problems.stream().map(Throwable::getMessage)
                        .collect(Collectors.joining("\n")));
    }

    static InvalidConfigurationException badValue(String key, String value, String allowed) {
        return new InvalidConfigurationException(
                "Invalid value '" + value + "' for configuration parameter '" + key + "': allowed " + allowed);
    }
}
