package dev.evals4j.engine.run;

import dev.evals4j.dataset.DatasetEntry;
import dev.evals4j.dataset.MalformedEntry;
import dev.evals4j.dataset.Row;
import dev.evals4j.engine.descriptor.RowSelection;
import dev.evals4j.engine.row.RowItem;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * The executor's input: the dataset's entries, cut to the first {@code limit}, filtered by the
 * selected rows, each row repeated {@code repetitions} times. Malformed lines do not reach the
 * executor: they are handed to {@code malformedSink} as they are met, so the other rows still run.
 *
 * <p>Lazy: one entry is read ahead at most. Not thread-safe: read by the executor's producer only.
 */
final class RowFeed implements Iterator<RowItem> {

    private final Iterator<? extends DatasetEntry> entries;
    private final long limit;
    private final RowSelection selection;
    private final int repetitions;
    private final Consumer<MalformedEntry> malformedSink;
    private long entriesRead;
    private Row current;
    private int nextRepetition;
    private RowItem next;

    /**
     * @param entries the dataset's entries, in order
     * @param limit how many entries to read at most, {@code 0} for all
     * @param selection which rows run
     * @param repetitions how many times each row runs, at least 1
     * @param malformedSink receives each selected malformed entry
     */
    RowFeed(Iterator<? extends DatasetEntry> entries, long limit, RowSelection selection, int repetitions,
            Consumer<MalformedEntry> malformedSink) {
        this.entries = entries;
        this.limit = limit;
        this.selection = selection;
        this.repetitions = repetitions;
        this.malformedSink = malformedSink;
    }

    /** The first row the feed will yield, read ahead if needed; {@code null} when there is none. */
    Row peekRow() {
        return hasNext() ? next.row() : null;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (current != null && nextRepetition <= repetitions) {
                int repetition = nextRepetition++;
                if (selection.includes(current.id(), repetitions > 1 ? repetition : 0)) {
                    next = new RowItem(current, repetition, repetitions > 1);
                }
                continue;
            }
            current = null;
            if ((limit > 0 && entriesRead >= limit) || !entries.hasNext()) {
                return false;
            }
            DatasetEntry entry = entries.next();
            entriesRead++;
            if (entry instanceof Row row) {
                current = row;
                nextRepetition = 1;
            } else if (entry instanceof MalformedEntry malformed && selection.includes(malformed.id(), 0)) {
                malformedSink.accept(malformed);
            }
        }
        return true;
    }

    @Override
    public RowItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RowItem item = next;
        next = null;
        return item;
    }
}
