package dev.evals4j.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * How an {@link AsyncExecutor} learns the tokens of its calls, for a pacer that paces by tokens
 * ({@link dev.evals4j.concurrency.RequestPacer#tryAcquire(long)}): an estimate before a call starts,
 * from its input, and what it used, from its output, when the output says.
 *
 * <p>Implementations must be thread-safe and quick: the dispatcher asks before every start.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@API(status = INTERNAL, since = "0.1")
public interface TokenMeter<I, O> {

    /** The tokens a call for {@code input} is expected to use, such as its prompt's length in tokens; {@code 0} if unknown. */
    long estimate(I input);

    /** The tokens a successful call used (prompt and completion), if {@code output} says. */
    OptionalLong used(O output);

    /** A meter that knows nothing: every call is estimated at {@code 0} and reports no usage. */
    @SuppressWarnings("unchecked")
    static <I, O> TokenMeter<I, O> none() {
        return (TokenMeter<I, O>) None.INSTANCE;
    }

    /** The meter of {@link #none()}. */
    enum None implements TokenMeter<Object, Object> {
        /** The only instance. */
        INSTANCE;

        @Override
        public long estimate(Object input) {
            return 0;
        }

        @Override
        public OptionalLong used(Object output) {
            return OptionalLong.empty();
        }
    }
}
