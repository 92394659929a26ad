package dev.evals4j.dataset;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that reads one entry ahead from a file. Not thread-safe: it belongs to the stream
 * that wraps it.
 */
abstract class EntryIterator implements Iterator<DatasetEntry> {

    private final DatasetResource resource;
    private DatasetEntry next;
    private boolean finished;

    EntryIterator(DatasetResource resource) {
        this.resource = resource;
    }

    /** Reads the next entry, or returns {@code null} at the end of the data. */
    protected abstract DatasetEntry readNext() throws IOException;

    @Override
    public final boolean hasNext() {
        if (next == null && !finished) {
            try {
                next = readNext();
            } catch (IOException e) {
                throw new DatasetException("Reading dataset " + resource.name() + " (" + resource.origin()
                        + ") failed: " + e, e);
            }
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public final DatasetEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        DatasetEntry entry = next;
        next = null;
        return entry;
    }

    /** {@code name:line}, the location of an entry. */
    protected final String locationOf(long line) {
        return resource.name() + ":" + line;
    }
}
