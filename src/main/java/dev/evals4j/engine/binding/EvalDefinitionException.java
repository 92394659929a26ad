package dev.evals4j.engine.binding;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.junit.platform.commons.JUnitException;

/**
 * An evaluation method or class cannot run as declared: a parameter that nothing binds, a column the
 * dataset lacks, a fixture that failed, an unsupported return type. It fails the method's (or class's)
 * container, never a single row. The message names the method, the parameter and what to change.
 */
@API(status = INTERNAL, since = "0.1")
public final class EvalDefinitionException extends JUnitException {

    private static final long serialVersionUID = 1L;

    /** An error with a complete, user-facing message. */
    public EvalDefinitionException(String message) {
        super(message);
    }

    /** An error with a complete, user-facing message and its cause. */
    public EvalDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
