package dev.evals4j.engine.run;

import dev.evals4j.engine.row.RowOutcome;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The outcome stage of a {@code CompletionStage} a {@code @ForEach} method returned:
 * <ul>
 *   <li>a value becomes the outcome the normaliser makes of it (which may throw, failing the stage);
 *   <li>an {@link AssertionError}, also wrapped in {@link CompletionException} or
 *       {@link ExecutionException}, becomes a failing verdict ({@link RowOutcome#failed(AssertionError)});
 *   <li>any other exception fails the outcome stage with it;
 *   <li>cancelling the outcome stage (the executor's timeout or stop) cancels the returned stage, so a
 *       timed-out call does not go on outside the concurrency limit. A dependent stage alone would
 *       not do that: cancelling it never reaches its source.
 * </ul>
 * Stateless.
 */
final class ReturnedStage {

    private ReturnedStage() {}

    /**
     * The outcome of {@code returned}, made by {@code normalize} from its value, or the verdict of its
     * assertion, and then completed by {@code finish} (which adds what the attempt reported meanwhile,
     * such as its tokens); {@code settled} runs as soon as {@code returned} completes (also when it is
     * cancelled), before the outcome completes.
     */
    static CompletionStage<RowOutcome> outcome(CompletionStage<?> returned, Function<Object, RowOutcome> normalize,
            UnaryOperator<RowOutcome> finish, Runnable settled) {
        CompletableFuture<RowOutcome> outcome = new CompletableFuture<>();
        returned.whenComplete((value, failure) -> {
            settled.run();
            if (failure != null) {
                AssertionError verdict = assertionIn(failure);
                if (verdict != null) {
                    outcome.complete(finish.apply(RowOutcome.failed(verdict)));
                } else {
                    outcome.completeExceptionally(failure);
                }
                return;
            }
            try {
                outcome.complete(finish.apply(normalize.apply(value)));
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
            }
        });
        outcome.whenComplete((value, failure) -> {
            if (failure instanceof CancellationException) {
                cancel(returned);
            }
        });
        return outcome;
    }

    /** The assertion {@code failure} is, or wraps in completion wrappers; {@code null} when it is none. */
    static AssertionError assertionIn(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof AssertionError assertion ? assertion : null;
    }

    private static void cancel(CompletionStage<?> returned) {
        try {
            returned.toCompletableFuture().cancel(true);
        } catch (UnsupportedOperationException notCancellable) {
            // a stage that cannot be viewed as a future cannot be cancelled either
        }
    }
}
