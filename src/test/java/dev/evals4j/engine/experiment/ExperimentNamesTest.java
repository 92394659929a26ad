package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExperimentNamesTest {

    private static final Instant START = Instant.parse("2025-03-04T05:06:07.891234Z");

    @Test
    void theAnnotationWinsOverTheKey() {
        assertThat(ExperimentNames.experiment("annotated", Optional.of("keyed"), "S#m", START, n -> false))
                .isEqualTo("annotated");
        assertThat(ExperimentNames.experiment("", Optional.of("keyed"), "S#m", START, n -> true)).isEqualTo("keyed");
    }

    @Test
    void withoutANameEachRunIsANewExperimentNamedBySuiteAndStart() {
        assertThat(ExperimentNames.experiment("", Optional.empty(), "S#m", START, n -> false))
                .isEqualTo("S#m@2025-03-04T05:06:07.891Z");
        Set<String> taken = Set.of("S#m@2025-03-04T05:06:07.891Z", "S#m@2025-03-04T05:06:07.891Z-2");
        assertThat(ExperimentNames.experiment("", Optional.empty(), "S#m", START, taken::contains))
                .isEqualTo("S#m@2025-03-04T05:06:07.891Z-3");
    }

    @Test
    void aSuiteIsTheClassNameAndTheMethodName() throws Exception {
        assertThat(ExperimentNames.suite(String.class, String.class.getMethod("length"))).isEqualTo("java.lang.String#length");
    }
}
