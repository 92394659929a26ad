package dev.evals4j.bench;

import dev.evals4j.api.ForEach;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The engine-overhead eval: a no-op {@code @ForEach} over {@link OverheadRows} generated rows, so what is
 * measured is the engine, the store and the reporting. Run only by {@link EngineOverhead}.
 */
public class OverheadEvals {

    static Stream<Map<String, Object>> rows() {
        return IntStream.range(0, OverheadRows.count()).mapToObj(i -> Map.of("id", "r" + i));
    }

    /** Does nothing: the row passes. */
    @ForEach(value = "id", method = "rows")
    public void noop(String id) {
        // the engine's work is what is measured
    }
}
