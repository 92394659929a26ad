package dev.evals4j.report.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.evals4j.report.MethodSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Writes the summaries of a run to {@code summary.json}: {@code {"finishedAt": ..., "methods": [...]}}
 * with one {@link MethodSummaryJson} per method, in run order. Stateless and thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class SummaryFile {

    /** The file name under the report directory. */
    public static final String FILE_NAME = "summary.json";

    /** The report directory when {@code evals4j.reportDir} is not set, relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("target", "evals4j");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryFile() {}

    /**
     * The document written.
     *
     * @param finishedAt when the run finished, ISO-8601
     * @param methods one entry per method that ran
     */
    public record Document(String finishedAt, List<MethodSummaryJson> methods) {}

    /**
     * Writes {@code summaries} to {@code directory/summary.json}, creating the directory if missing and
     * replacing an earlier file; returns the file.
     *
     * @throws UncheckedIOException if the directory or the file cannot be written
     */
    public static Path write(List<MethodSummary> summaries, Instant finishedAt, Path directory) {
        Path file = directory.resolve(FILE_NAME);
        Document document = new Document(finishedAt.toString(), summaries.stream().map(MethodSummaryJson::of).toList());
        try {
            Files.createDirectories(directory);
            MAPPER.writeValue(file.toFile(), document);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the evals4j summary to " + file.toAbsolutePath()
                    + " (set evals4j.reportDir to a writable directory): " + e.getMessage(), e);
        }
    }

    /** One method's entry as {@code summary.json} has it, as UTF-8 JSON: what other reports attach. */
    public static byte[] methodJson(MethodSummary summary) {
        try {
            return MAPPER.writeValueAsBytes(MethodSummaryJson.of(summary));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the summary of " + summary.name() + " as JSON: "
                    + e.getMessage(), e);
        }
    }
}
