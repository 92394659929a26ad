package dev.evals4j.dataset;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows a user's method returns: a {@link Stream}, {@link Iterable}, {@link Iterator} or array,
 * read lazily, each element adapted by an {@link ElementAdapter}. The supplier is called once per
 * {@link #open()}. Immutable; thread-safe if the supplier is.
 */
final class ObjectSource implements DatasetSource {

    private final Supplier<?> rows;
    private final ElementAdapter adapter;
    private final String description;

    ObjectSource(Supplier<?> rows, List<String> columnNames, String description) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.description = Objects.requireNonNull(description, "description");
        this.adapter = new ElementAdapter(columnNames, description);
    }

    @Override
    public Stream<DatasetEntry> open() {
        Stream<?> elements = elements(produce());
        Iterator<?> iterator = elements.iterator();
        Iterator<DatasetEntry> entries = new Iterator<>() {
            private long index;

            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public DatasetEntry next() {
                return adapter.adapt(iterator.next(), index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(entries, Spliterator.ORDERED), false)
                .onClose(elements::close);
    }

    private Object produce() {
        try {
            return rows.get();
        } catch (DatasetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DatasetException("The rows of " + description + " could not be produced: " + e, e);
        }
    }

    private Stream<?> elements(Object produced) {
        if (produced instanceof Stream<?> stream) {
            return stream;
        }
        if (produced instanceof Iterable<?> iterable) {
            return StreamSupport.stream(iterable.spliterator(), false);
        }
        if (produced instanceof Iterator<?> iterator) {
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
        }
        if (produced instanceof Object[] array) {
            return Arrays.stream(array);
        }
        throw new DatasetException(description + " returned "
                + (produced == null ? "null" : "a " + produced.getClass().getName())
                + "; a rows method must return a Stream, an Iterable, an Iterator or an array of rows");
    }

    @Override
    public String description() {
        return description;
    }

    /** Always empty: a method's rows cannot be fingerprinted without producing them. */
    @Override
    public Optional<String> fingerprint() {
        return Optional.empty();
    }
}
