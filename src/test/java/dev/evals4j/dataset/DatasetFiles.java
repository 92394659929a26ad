package dev.evals4j.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Writes dataset files into a test's directory and reads sources back. */
final class DatasetFiles {

    private final Path directory;

    DatasetFiles(Path directory) {
        this.directory = directory;
    }

    /** Writes {@code content} to {@code name} and resolves it as a user would, relative to the directory. */
    DatasetSource write(String name, String content) {
        try {
            Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Datasets.resolve(name, DatasetFiles.class.getClassLoader(), directory);
    }

    /** Every entry of one pass. */
    static List<DatasetEntry> readAll(DatasetSource source) {
        try (Stream<DatasetEntry> entries = source.open()) {
            return entries.toList();
        }
    }

    /** The rows of one pass, malformed entries left out. */
    static List<Row> rows(DatasetSource source) {
        return readAll(source).stream().filter(Row.class::isInstance).map(Row.class::cast).toList();
    }
}
