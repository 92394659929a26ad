package dev.evals4j.execution;

import dev.evals4j.api.JudgeReplyException;
import dev.evals4j.api.spi.Classification;
import dev.evals4j.api.spi.FailureClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The rules for exceptions of any origin, asked last: an {@link Error} (so an {@link AssertionError},
 * an eval's failure) and a programming error ({@link IllegalArgumentException},
 * {@link IllegalStateException}, {@link NullPointerException}, {@link ClassCastException},
 * {@link UnsupportedOperationException}, {@link IndexOutOfBoundsException},
 * {@link ArithmeticException}) are permanent; an {@link IOException} (connection refused and reset,
 * HTTP timeouts included), an {@link UncheckedIOException}, a {@link TimeoutException}, a judge model's
 * reply without a grade ({@link JudgeReplyException}: asking again may give one) and an
 * exception exposing an HTTP status 5xx or 408 are transient; one exposing another 4xx status is
 * permanent. Anything else is left to the next exception of the cause chain. Stateless.
 */
enum GenericFailures implements FailureClassifier {
    INSTANCE;

    @Override
    public Optional<Classification> classify(Throwable t) {
        if (t instanceof Error || isProgrammingError(t)) {
            return Optional.of(Classification.permanent());
        }
        if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException
                || t instanceof JudgeReplyException) {
            return Optional.of(Classification.transientError());
        }
        return HttpStatuses.classify(HttpSignals.status(t).orElse(0));
    }

    private static boolean isProgrammingError(Throwable t) {
        return t instanceof IllegalArgumentException
                || t instanceof IllegalStateException
                || t instanceof NullPointerException
                || t instanceof ClassCastException
                || t instanceof UnsupportedOperationException
                || t instanceof IndexOutOfBoundsException
                || t instanceof ArithmeticException;
    }
}
