package dev.evals4j.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * A call that completes later: the function an {@link AsyncExecutor} applies to every input.
 *
 * <p>The executor invokes {@link #call} on one of its worker threads, so the method may block
 * briefly (to build a request, say), but the work itself should complete the returned stage.
 * A call that exceeds the executor's timeout has its stage cancelled.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface AsyncTask<I, O> {

    /**
     * Starts one attempt for {@code input}.
     *
     * @param input the input, as taken from the executor's inputs
     * @param attempt which item and which attempt this is
     * @return a stage completed with the output, or exceptionally with the attempt's failure
     * @throws Exception if the attempt fails before a stage exists; handled like a failed stage
     */
    CompletionStage<O> call(I input, Attempt attempt) throws Exception;
}
