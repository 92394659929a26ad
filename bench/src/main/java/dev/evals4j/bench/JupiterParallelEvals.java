package dev.evals4j.bench;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a Java team writes today: one {@code @ParameterizedTest} invocation per row, run in parallel
 * by Jupiter, each making one blocking call. A failed call is a failed test; nothing retries.
 *
 * <p>Run only by {@link JupiterParallelContender}, which installs the rows first.
 */
class JupiterParallelEvals {

    static Stream<String> rows() {
        return JupiterBatch.current().prompts().stream();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("rows")
    void answers(String prompt) throws Exception {
        JupiterBatch.current().call(prompt);
    }
}
