package dev.evals4j.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Turns an iterator over an open resource into a lazy stream that closes the resource. */
final class EntryStreams {

    private EntryStreams() {}

    static Stream<DatasetEntry> of(Iterator<DatasetEntry> entries, Closeable resource, String name) {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(entries, Spliterator.ORDERED | Spliterator.NONNULL),
                        false)
                .onClose(() -> close(resource, name));
    }

    private static void close(Closeable resource, String name) {
        try {
            resource.close();
        } catch (IOException e) {
            throw new DatasetException("Closing dataset " + name + " failed: " + e, e);
        }
    }
}
