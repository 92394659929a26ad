package dev.evals4j.engine.run;

import java.lang.reflect.Method;
import org.junit.platform.engine.ExecutionRequest;

/**
 * Whether the launcher asked to cancel the run: JUnit 6's {@code ExecutionRequest.getCancellationToken()}
 * reached reflectively, since the engine compiles against JUnit 5. On JUnit 5 nothing is ever cancelled.
 * Immutable and thread-safe.
 */
final class CancellationCheck {

    private static final CancellationCheck NEVER = new CancellationCheck(null, null);

    private final Object token;
    private final Method isCancellationRequested;

    private CancellationCheck(Object token, Method isCancellationRequested) {
        this.token = token;
        this.isCancellationRequested = isCancellationRequested;
    }

    /** The check of {@code request}'s cancellation token, or one that never fires on JUnit 5. */
    static CancellationCheck of(ExecutionRequest request) {
        try {
            Object token = request.getClass().getMethod("getCancellationToken").invoke(request);
            Method check = token.getClass().getMethod("isCancellationRequested");
            check.trySetAccessible();
            return new CancellationCheck(token, check);
        } catch (ReflectiveOperationException | RuntimeException e) {
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
