package dev.evals4j.engine.run;

import dev.evals4j.api.EvalContext;
import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The {@link EvalContext} of one attempt of one row. Entries it publishes go through the event queue,
 * so they reach JUnit on the engine thread. Thread-safe: the tokens the attempt reports add up in an
 * atomic counter; everything else is immutable.
 */
final class RowContext implements EvalContext {

    private final RowItem item;
    private final int attempt;
    private final Consumer<RowEvent> events;

    private final Optional<Object> storedOutput;
    /** The tokens reported so far, or -1 before the first report. */
    private final AtomicLong tokens = new AtomicLong(-1);

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
    public void reportTokens(long used) {
        if (used < 0) {
            throw new IllegalArgumentException("reportTokens for row '" + rowId() + "' (" + item.row().location()
                    + "): tokens must not be negative, was " + used);
        }
        tokens.accumulateAndGet(used, (total, more) -> Math.max(total, 0) + more);
    }

    /** The tokens the attempt reported, if it did. */
    OptionalLong reportedTokens() {
        long total = tokens.get();
        return total < 0 ? OptionalLong.empty() : OptionalLong.of(total);
    }

    @Override
    public void publish(String key, String value) {
        events.accept(new RowEvent.Published(item, Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
    }
}
