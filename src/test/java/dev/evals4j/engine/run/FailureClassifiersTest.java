package dev.evals4j.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.api.ForEach;
import dev.evals4j.api.spi.Classification;
import dev.evals4j.api.spi.FailureClassifier;
import dev.evals4j.engine.binding.EvalDefinitionException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureClassifiersTest {

    /** Named by a method. */
    public static final class MethodClassifier implements FailureClassifier {
        @Override
        public Optional<Classification> classify(Throwable failure) {
            return Optional.empty();
        }
    }

    /** Named by the configuration. */
    public static final class ConfiguredClassifier implements FailureClassifier {
        @Override
        public Optional<Classification> classify(Throwable failure) {
            return Optional.empty();
        }
    }

    /** Cannot be created by the engine. */
    public static final class NoDefaultConstructor implements FailureClassifier {
        public NoDefaultConstructor(String unused) {}

        @Override
        public Optional<Classification> classify(Throwable failure) {
            return Optional.empty();
        }
    }

    static class Evals {
        @ForEach(dataset = "x.jsonl", classifiers = MethodClassifier.class)
        void withClassifier() {}

        @ForEach(dataset = "x.jsonl", classifiers = NoDefaultConstructor.class)
        void broken() {}
    }

    private static ForEach annotation(String method) throws NoSuchMethodException {
        return Evals.class.getDeclaredMethod(method).getAnnotation(ForEach.class);
    }

    @Test
    void theMethodsClassifiersComeFirstThenTheConfiguredOnesThenTheRegisteredOnes() throws Exception {
        List<FailureClassifier> classifiers = FailureClassifiers.of(annotation("withClassifier"),
                List.of(ConfiguredClassifier.class.getName()), getClass().getClassLoader(), "Evals.withClassifier");

        assertThat(classifiers).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("MethodClassifier", "ConfiguredClassifier", "RegisteredClassifier");
    }

    @Test
    void aClassifierThatCannotBeCreatedFailsTheMethodNamingItAndWhy() {
        assertThatThrownBy(() -> FailureClassifiers.of(annotation("broken"), List.of(), getClass().getClassLoader(),
                "Evals.broken"))
                .isInstanceOf(EvalDefinitionException.class)
                .hasMessageContaining(NoDefaultConstructor.class.getName())
                .hasMessageContaining("@ForEach(classifiers) on Evals.broken")
                .hasMessageContaining("public no-argument constructor");
    }

    @Test
    void aConfiguredNameThatIsNoClassifierFailsNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> FailureClassifiers.of(annotation("withClassifier"), List.of("java.lang.String"),
                getClass().getClassLoader(), "Evals.withClassifier"))
                .isInstanceOf(EvalDefinitionException.class)
                .hasMessage("Cannot run Evals.withClassifier: evals4j.classifiers = java.lang.String does not implement"
                        + " dev.evals4j.api.spi.FailureClassifier");
        assertThatThrownBy(() -> FailureClassifiers.of(annotation("withClassifier"), List.of("com.example.Missing"),
                getClass().getClassLoader(), "Evals.withClassifier"))
                .hasMessageStartingWith("Cannot run Evals.withClassifier: evals4j.classifiers = com.example.Missing"
                        + " names no class on the class path");
    }
}
