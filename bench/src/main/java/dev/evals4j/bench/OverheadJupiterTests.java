package dev.evals4j.bench;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The anchor of the engine-overhead scenario: Jupiter's {@code @ParameterizedTest} over the same rows as
 * {@link OverheadEvals}, with the same no-op body. Run only by {@link EngineOverhead}.
 */
class OverheadJupiterTests {

    static Stream<String> ids() {
        return IntStream.range(0, OverheadRows.count()).mapToObj(i -> "r" + i);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void noop(String id) {
        // Jupiter's work is what is measured
    }
}
