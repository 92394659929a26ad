package dev.evals4j.execution;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * A blocking call: the function a {@link SyncExecutor} (or an {@link AsyncExecutor} built with
 * {@link AsyncExecutor#forSync}) applies to every input.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface SyncTask<I, O> {

    /**
     * Makes one attempt for {@code input}.
     *
     * @param input the input, as taken from the executor's inputs
     * @param attempt which item and which attempt this is
     * @return the output
     * @throws Exception the attempt's failure; the executor's {@link RetryPolicy} decides what follows
     */
    O call(I input, Attempt attempt) throws Exception;
}
