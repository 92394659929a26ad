package dev.evals4j.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code results.json}: an object with the {@link BenchRow runs}, the {@link SpreadLine spread} of
 * the accepted contender's repeated runs, the {@link MultiRunnerResult multi-runner} contenders and the
 * {@link OverheadResult engine overhead}.
 */
public final class ResultsJson {

    /**
     * The whole document.
     *
     * @param runs one line per (scenario, contender, run)
     * @param spread the accepted contender's median and range per scenario
     * @param multiRunner the multi-runner scenario's contenders, empty when it did not run
     * @param engineOverhead the engine-overhead lines, empty when that scenario did not run
     */
    public record Results(
            @JsonProperty("runs") List<BenchRow> runs,
            @JsonProperty("spread") List<SpreadLine> spread,
            @JsonProperty("multi_runner") List<MultiRunnerResult> multiRunner,
            @JsonProperty("engine_overhead") List<OverheadResult> engineOverhead) {}

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The JSON text of {@code results}. */
    public String render(Results results) throws IOException {
        return mapper.writeValueAsString(results);
    }

    /** Writes {@code results} to {@code file}, replacing it. */
    public void write(Results results, Path file) throws IOException {
        mapper.writeValue(file.toFile(), results);
    }
}
