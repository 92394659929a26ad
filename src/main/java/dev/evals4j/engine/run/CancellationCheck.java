package dev.evals4j.engine.run;

import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import org.junit.platform.engine.ExecutionRequest;

/**
 * Whether the launcher asked to cancel the run: JUnit 6's {@code ExecutionRequest.getCancellationToken()}
 * and {@code CancellationToken.isCancellationRequested()}, reached reflectively since the engine
 * compiles against JUnit 5. On JUnit 5 nothing is ever cancelled.
 *
 * <p>Both methods are looked up on public types ({@code ExecutionRequest} and the declared return
 * type of {@code getCancellationToken()}, the public interface {@code CancellationToken}), never on
 * the token's runtime class: that class is package-private, and on the module path its package is
 * not open to evals4j, so a method found on it could not be invoked.
 *
 * <p>Immutable and thread-safe.
 */
final class CancellationCheck {

    private static final System.Logger LOG = System.getLogger(CancellationCheck.class.getName());
    private static final CancellationCheck NEVER = new CancellationCheck(null, null);

    private final Object token;
    private final Method isCancellationRequested;

    private CancellationCheck(Object token, Method isCancellationRequested) {
        this.token = token;
        this.isCancellationRequested = isCancellationRequested;
    }

    /** The check of {@code request}'s cancellation token, or one that never fires on JUnit 5. */
    static CancellationCheck of(ExecutionRequest request) {
        return of(request, ExecutionRequest.class);
    }

    /**
     * The check of the token that {@code requestType}'s {@code getCancellationToken()} returns for
     * {@code request}, its {@code isCancellationRequested()} looked up on the method's declared
     * return type; one that never fires when {@code requestType} has no such method.
     *
     * @param requestType a public type of {@code request} in a package exported to evals4j
     */
    static CancellationCheck of(Object request, Class<?> requestType) {
        Method getToken;
        try {
            getToken = requestType.getMethod("getCancellationToken");
        } catch (NoSuchMethodException beforeJUnit6) {
            return NEVER;
        }
        try {
            Method check = getToken.getReturnType().getMethod("isCancellationRequested");
            Object token = getToken.invoke(request);
            return token == null ? NEVER : new CancellationCheck(token, check);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "JUnit's cancellation token cannot be read (" + e
                    + "); evals4j will not stop when the launcher cancels the run");
            return NEVER;
        }
    }

    /** Whether cancellation was requested. */
    boolean isCancelled() {
        if (token == null) {
            return false;
        }
        try {
            return (Boolean) isCancellationRequested.invoke(token);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
