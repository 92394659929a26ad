package dev.evals4j.dataset;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A dataset that can be read any number of times, one lazy pass at a time.
 *
 * <p>Implementations never hold the whole dataset in memory: each {@link #open()} reads entries as
 * the stream is consumed. Implementations are immutable and may be shared between threads; each
 * stream they return belongs to the one caller that opened it.
 */
@API(status = INTERNAL, since = "0.1")
public interface DatasetSource {

    /**
     * Opens a fresh, lazy pass over the dataset. The caller must close the stream (use
     * try-with-resources). A line or record that cannot be read is a {@link MalformedEntry} and
     * reading goes on with the next one.
     *
     * @return the entries in dataset order
     * @throws DatasetException if the dataset cannot be opened at all, with a message that names it
     *     and says what to do
     */
    Stream<DatasetEntry> open();

    /** A short human description, such as {@code JSON Lines datasets/qa.jsonl from the class path}. */
    String description();

    /**
     * A cheap fingerprint of the dataset's current content, such as its size and modification
     * time; two different fingerprints mean the dataset changed. Empty when it cannot be known
     * cheaply (for example rows produced by a method).
     */
    Optional<String> fingerprint();

    /** The file the entries are read from, when they come from one (not rows a method produces). */
    default Optional<DatasetFile> file() {
        return Optional.empty();
    }

    /**
     * This dataset cut to its first {@code maxEntries} entries (malformed ones count too).
     *
     * @param maxEntries the number of entries to keep, zero or more
     * @return a source that reads no further than that
     */
    default DatasetSource limit(long maxEntries) {
        return new LimitedSource(this, maxEntries);
    }

    /**
     * This dataset with only the entries that {@code filter} accepts, for example a
     * {@link RowIdFilter} to run one row again.
     *
     * @param filter which entries to keep; must be thread-safe if the source is shared
     * @return a filtered source
     */
    default DatasetSource filter(Predicate<DatasetEntry> filter) {
        return new FilteredSource(this, filter);
    }
}
