package dev.evals4j.engine.run;

import dev.evals4j.api.EvalContext;
import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@link EvalContext} of one attempt of one row. Entries it publishes go through the event queue,
 * so they reach JUnit on the engine thread. Immutable and thread-safe.
 */
final class RowContext implements EvalContext {

    private final RowItem item;
    private final int attempt;
    private final Consumer<RowEvent> events;

    private final Optional<Object> storedOutput;

    RowContext(RowItem item, int attempt, Consumer<RowEvent> events, Optional<Object> storedOutput) {
        this.item = item;
        this.attempt = attempt;
        this.events = events;
        this.storedOutput = storedOutput;
    }

    @Override
    public Optional<Object> storedOutput() {
        return storedOutput;
    }

    @Override
    public String rowId() {
        return item.row().id();
    }

    @Override
    public long index() {
        return item.row().index();
    }

    @Override
    public int repetition() {
        return item.repetition();
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public void publish(String key, String value) {
        events.accept(new RowEvent.Published(item, Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
    }
}
