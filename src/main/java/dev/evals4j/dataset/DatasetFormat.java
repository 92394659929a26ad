package dev.evals4j.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The file formats a dataset can have, chosen by file extension. */
enum DatasetFormat {
    JSON_LINES(JsonLinesSource::new, ".jsonl", ".ndjson"),
    JSON_ARRAY(JsonArraySource::new, ".json"),
    CSV(CsvSource::new, ".csv");

    private final Function<DatasetResource, DatasetSource> loader;
    private final List<String> extensions;

    DatasetFormat(Function<DatasetResource, DatasetSource> loader, String... extensions) {
        this.loader = loader;
        this.extensions = List.of(extensions);
    }

    /** A lazy source that reads {@code resource} in this format. */
    DatasetSource source(DatasetResource resource) {
        return loader.apply(resource);
    }

    /** The format of a file name, by its extension (case-insensitive). */
    static Optional<DatasetFormat> of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(format -> format.extensions.stream().anyMatch(lower::endsWith))
                .findFirst();
    }

    /** Every supported extension, for messages: {@code .jsonl, .ndjson, .json, .csv}. */
    static String supportedExtensions() {
        return String.join(", ", Arrays.stream(values()).flatMap(format -> format.extensions.stream()).toList());
    }
}
