package dev.evals4j.engine.run;

import dev.evals4j.engine.binding.MethodBinding;
import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.AsyncTask;
import dev.evals4j.execution.SyncTask;
import dev.evals4j.report.RowAttempts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Calls a {@code @ForEach} method for one attempt of one row: binds the row to the parameters,
 * invokes the method on the class's instance, and normalises what it returns. An
 * {@link AssertionError} the method throws (or its stage completes with) is the row's failing verdict,
 * not an error: the attempt completes, so it is neither retried nor run again on resume. A
 * {@code null} where the method declares a result is a programming error naming the row. Each attempt
 * is {@linkplain RowAttempts#enter entered} on the thread that calls the method, left as soon as the
 * method returns and ended when its outcome is known, so that a reporter can give what the method
 * reported on its own (Allure's steps) to its row. This is the task the executor runs; it is called
 * concurrently from worker threads and holds no mutable state.
 */
final class RowInvoker {

    private final Object instance;
    private final Method method;
    private final MethodBinding binding;
    private final Consumer<RowEvent> events;
    private final Function<RowItem, Optional<Object>> storedOutputs;
    private final boolean nullPasses;
    private final RowAttempts attempts;

    /**
     * @param storedOutputs the stored output each row is re-scored with (empty when rows run normally)
     * @param attempts what follows each attempt on the thread that runs it
     */
    RowInvoker(Object instance, Method method, MethodBinding binding, Consumer<RowEvent> events,
            Function<RowItem, Optional<Object>> storedOutputs, RowAttempts attempts) {
        this.attempts = attempts;
        this.instance = instance;
        this.method = method;
        this.binding = binding;
        this.events = events;
        this.storedOutputs = storedOutputs;
        this.nullPasses = ReturnValues.nullPasses(method);
        method.trySetAccessible();
    }

    /** The task of a synchronous method. */
    SyncTask<RowItem, RowOutcome> syncTask() {
        return (item, attempt) -> {
            RowContext context = context(item, attempt.number());
            RowAttempts.Scope scope = attempts.enter(item.key().rowId(), item.key().repetition(), attempt.number());
            Object value;
            try {
                value = invoke(item, context);
            } catch (AssertionError verdict) {
                return RowOutcome.failed(verdict).withTokens(context.reportedTokens());
            } finally {
                scope.leaveThread();
                scope.end();
            }
            return normalize(item, value).withTokens(context.reportedTokens());
        };
    }

    /** The task of an asynchronous method (one returning a {@code CompletionStage}). */
    AsyncTask<RowItem, RowOutcome> asyncTask() {
        return (item, attempt) -> {
            RowContext context = context(item, attempt.number());
            RowAttempts.Scope scope = attempts.enter(item.key().rowId(), item.key().repetition(), attempt.number());
            Object stage = null;
            try {
                stage = invoke(item, context);
            } catch (AssertionError verdict) {
                return CompletableFuture.completedFuture(RowOutcome.failed(verdict).withTokens(context.reportedTokens()));
            } finally {
                scope.leaveThread();
                if (stage == null) {
                    scope.end();
                }
            }
            if (stage == null) {
                throw new IllegalStateException(describe(item) + " returned null instead of a CompletionStage");
            }
            return ReturnedStage.outcome((CompletionStage<?>) stage, value -> normalize(item, value),
                    outcome -> outcome.withTokens(context.reportedTokens()), scope::end);
        };
    }

    private RowOutcome normalize(RowItem item, Object value) {
        if (value == null && !nullPasses) {
            throw new IllegalStateException(describe(item) + " returned null" + (ReturnValues.isAsync(method)
                    ? " from its CompletionStage" : "") + " instead of a " + ReturnValues.resultName(method)
                    + "; return a verdict, or declare the method void to pass when it does not throw");
        }
        return ReturnValues.normalize(value);
    }

    /** {@code Class.method for row 'id' (file:line)}. */
    private String describe(RowItem item) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + " for row '" + item.row().id()
                + "' (" + item.row().location() + ")";
    }

    private RowContext context(RowItem item, int attempt) {
        return new RowContext(item, attempt, events, storedOutputs.apply(item));
    }

    private Object invoke(RowItem item, RowContext context) throws Exception {
        Object[] arguments = binding.arguments(item.row(), context);
        try {
            return method.invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
