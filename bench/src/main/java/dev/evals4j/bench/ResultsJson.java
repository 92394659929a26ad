package dev.evals4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the results table as {@code results.json}: a list of {@link BenchRow} objects. */
public final class ResultsJson {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The JSON text of {@code rows}. */
    public String render(List<BenchRow> rows) throws IOException {
        return mapper.writeValueAsString(rows);
    }

    /** Writes {@code rows} to {@code file}, replacing it. */
    public void write(List<BenchRow> rows, Path file) throws IOException {
        mapper.writeValue(file.toFile(), rows);
    }
}
