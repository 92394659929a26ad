package dev.evals4j.engine.run;

import dev.evals4j.engine.binding.MethodBinding;
import dev.evals4j.execution.AsyncTask;
import dev.evals4j.execution.SyncTask;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Calls a {@code @ForEach} method for one attempt of one row: binds the row to the parameters,
 * invokes the method on the class's instance, and normalises what it returns. This is the task the
 * executor runs; it is called concurrently from worker threads and holds no mutable state.
 */
final class RowInvoker {

    private final Object instance;
    private final Method method;
    private final MethodBinding binding;
    private final Consumer<RowEvent> events;
    private final Function<RowItem, Optional<Object>> storedOutputs;

    /** @param storedOutputs the stored output each row is re-scored with (empty when rows run normally) */
    RowInvoker(Object instance, Method method, MethodBinding binding, Consumer<RowEvent> events,
            Function<RowItem, Optional<Object>> storedOutputs) {
        this.instance = instance;
        this.method = method;
        this.binding = binding;
        this.events = events;
        this.storedOutputs = storedOutputs;
        method.trySetAccessible();
    }

    /** The task of a synchronous method. */
    SyncTask<RowItem, RowOutcome> syncTask() {
        return (item, attempt) -> ReturnValues.normalize(invoke(item, attempt.number()));
    }

    /** The task of an asynchronous method (one returning a {@code CompletionStage}). */
    AsyncTask<RowItem, RowOutcome> asyncTask() {
        return (item, attempt) -> {
            Object stage = invoke(item, attempt.number());
            if (stage == null) {
                throw new IllegalStateException(binding.method() + " returned null instead of a CompletionStage");
            }
            return ((CompletionStage<?>) stage).thenApply(ReturnValues::normalize);
        };
    }

    private Object invoke(RowItem item, int attempt) throws Exception {
        Object[] arguments = binding.arguments(item.row(), new RowContext(item, attempt, events, storedOutputs.apply(item)));
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
