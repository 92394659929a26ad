package dev.evals4j.dataset;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A source that keeps only the entries a predicate accepts. Thread-safe if its parts are. */
final class FilteredSource implements DatasetSource {

    private final DatasetSource delegate;
    private final Predicate<DatasetEntry> filter;

    FilteredSource(DatasetSource delegate, Predicate<DatasetEntry> filter) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    @Override
    public Stream<DatasetEntry> open() {
        return delegate.open().filter(filter);
    }

    @Override
    public String description() {
        return delegate.description() + ", filtered by " + filter;
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
