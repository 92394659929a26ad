package dev.evals4j.dataset;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** A source cut to its first entries. Immutable and thread-safe if its delegate is. */
final class LimitedSource implements DatasetSource {

    private final DatasetSource delegate;
    private final long maxEntries;

    LimitedSource(DatasetSource delegate, long maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("A dataset limit must be zero or more, but was " + maxEntries);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.maxEntries = maxEntries;
    }

    @Override
    public Stream<DatasetEntry> open() {
        return delegate.open().limit(maxEntries);
    }

    @Override
    public String description() {
        return delegate.description() + ", first " + maxEntries + " entries";
    }

    @Override
    public Optional<String> fingerprint() {
        return delegate.fingerprint();
    }

    @Override
    public Optional<DatasetFile> file() {
        return delegate.file();
    }
}
