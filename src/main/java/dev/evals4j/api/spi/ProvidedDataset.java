package dev.evals4j.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What a {@link DatasetProvider} hands the engine: a file, a class path resource, or rows it makes
 * itself. The engine reads each of them lazily, one pass per run, with the same row ids, content
 * hashes and error messages as a dataset named in {@code @ForEach(dataset = ...)}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface ProvidedDataset {

    /**
     * A dataset file, its format chosen by its extension ({@code .jsonl}, {@code .ndjson},
     * {@code .json}, {@code .csv}).
     *
     * @param path the file; relative paths are resolved against the working directory
     */
    static ProvidedDataset file(Path path) {
        return new File(path);
    }

    /**
     * A dataset resource on the class path, its format chosen by its extension.
     *
     * @param name the resource name, for example {@code datasets/qa.jsonl}
     */
    static ProvidedDataset resource(String name) {
        return new Resource(name);
    }

    /**
     * Rows the provider makes itself, read lazily on each run.
     *
     * @param description a short description for messages, such as {@code gsm8k (test split)}
     * @param columnNames the names of the columns of array or list elements, in order; empty when the
     *     elements are maps, records or beans, whose own names are used
     * @param rows returns a fresh {@code Stream}, {@code Iterable}, {@code Iterator} or array of rows
     *     each time it is called
     */
    static ProvidedDataset rows(String description, List<String> columnNames, Supplier<?> rows) {
        return new Rows(description, columnNames, rows);
    }

    /**
     * A dataset file.
     *
     * @param path the file
     */
    record File(Path path) implements ProvidedDataset {
        /** Validates. */
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A class path resource.
     *
     * @param name the resource name
     */
    record Resource(String name) implements ProvidedDataset {
        /** Validates. */
        public Resource {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("A dataset resource name must not be blank");
            }
        }
    }

    /**
     * Rows made by the provider.
     *
     * @param description a short description for messages
     * @param columnNames the column names of array or list elements; may be empty
     * @param rows returns a fresh {@code Stream}, {@code Iterable}, {@code Iterator} or array of rows
     */
    record Rows(String description, List<String> columnNames, Supplier<?> rows) implements ProvidedDataset {
        /** Validates and copies. */
        public Rows {
            Objects.requireNonNull(description, "description");
            columnNames = List.copyOf(columnNames);
            Objects.requireNonNull(rows, "rows");
        }
    }
}
