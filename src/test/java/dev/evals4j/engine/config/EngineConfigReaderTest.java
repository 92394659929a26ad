package dev.evals4j.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.ConfigurationParameters;

class EngineConfigReaderTest {

    /** Parameters backed by a map, as the launcher's are backed by properties. */
    private record MapParameters(Map<String, String> values) implements ConfigurationParameters {
        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public Optional<Boolean> getBoolean(String key) {
            return get(key).map(Boolean::parseBoolean);
        }

        @Override
        @SuppressWarnings("deprecation")
        public int size() {
            return values.size();
        }

        @Override
        public Set<String> keySet() {
            return values.keySet();
        }
    }

    private static EngineConfig read(Map<String, String> values) {
        List<InvalidConfigurationException> problems = new ArrayList<>();
        EngineConfig config = EngineConfigReader.read(new MapParameters(values), new Properties(), problems::add);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        return config;
    }

    @Test
    void defaultsWhenNothingIsSet() {
        assertThat(read(Map.of())).isEqualTo(EngineConfig.defaults());
    }

    @Test
    void readsEveryKey() {
        EngineConfig config = read(Map.ofEntries(
                Map.entry("concurrent", "true"),
                Map.entry("evals4j.concurrency.strategy", "AIMD"),
                Map.entry("evals4j.concurrency.max", "32"),
                Map.entry("evals4j.concurrency.initial", "4"),
                Map.entry("evals4j.retry.maxAttempts", "3"),
                Map.entry("evals4j.retry.wait", "fixed:2s"),
                Map.entry("evals4j.timeout", "45s"),
                Map.entry("evals4j.experiment", "nightly-1"),
                Map.entry("evals4j.storage", "none"),
                Map.entry("evals4j.repetitions", "5"),
                Map.entry("evals4j.stopOnFirstError", "true"),
                Map.entry("evals4j.limit", "100"),
                Map.entry("evals4j.progress", "lines"),
                Map.entry("evals4j.report", "failures"),
                Map.entry("evals4j.resume.rerun", "failures"),
                Map.entry("unrelated.key", "whatever")));

        assertThat(config).isEqualTo(new EngineConfig(Optional.of(true), Optional.of("aimd"), 32, 4, 3,
                RetryWait.parse("fixed:2s"), Optional.of(Duration.ofSeconds(45)), Optional.of("nightly-1"), "none", 5, true, 100,
                ProgressMode.LINES, ReportMode.FAILURES, ResumeRerun.FAILURES, List.of()));
    }

    @Test
    void readsClassifierClassNamesInOrderAndRejectsWhatIsNoClassName() {
        assertThat(read(Map.of("evals4j.classifiers", "com.example.A, com.example.Outer$B")).classifiers())
                .containsExactly("com.example.A", "com.example.Outer$B");
        assertThat(read(Map.of()).classifiers()).isEmpty();
        assertThatThrownBy(() -> read(Map.of("evals4j.classifiers", "com.example.A;com.example.B")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("evals4j.classifiers")
                .hasMessageContaining("com.example.A;com.example.B")
                .hasMessageContaining("fully qualified class names separated by commas");
    }

    @Test
    void acceptsJdbcStorageAndIsoDurations() {
        EngineConfig config = read(Map.of("evals4j.storage", "jdbc:postgresql://db/evals", "evals4j.timeout", "PT2M"));

        assertThat(config.storage()).isEqualTo("jdbc:postgresql://db/evals");
        assertThat(config.timeout()).contains(Duration.ofMinutes(2));
    }

    @Test
    void unknownEvalsKeyNamesTheKeyTheValueTheNearestKeyAndTheKnownKeys() {
        assertThatThrownBy(() -> read(Map.of("evals4j.concurency.max", "3")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Unknown configuration parameter 'evals4j.concurency.max' (value '3'):"
                        + " did you mean evals4j.concurrency.max? The evals4j keys are concurrent, evals4j.charts,"
                        + " evals4j.classifiers, evals4j.concurrency.initial,");
    }

    @Test
    void anUnknownKeyFarFromEveryKnownOneGetsNoSuggestion() {
        assertThatThrownBy(() -> read(Map.of("evals4j.colour", "blue")))
                .hasMessageStartingWith("Unknown configuration parameter 'evals4j.colour' (value 'blue'). The evals4j keys are");
    }

    @Test
    void unknownKeysAreLookedForInTheSystemPropertiesToo() {
        Properties system = new Properties();
        system.setProperty("evals4j.retry.maxAtempts", "3");
        system.setProperty("user.home", "/home/me");
        List<InvalidConfigurationException> problems = new ArrayList<>();

        EngineConfigReader.read(new MapParameters(Map.of()), system, problems::add);

        assertThat(problems).singleElement().extracting(Throwable::getMessage).asString()
                .startsWith("Unknown configuration parameter 'evals4j.retry.maxAtempts' (value '3'):"
                        + " did you mean evals4j.retry.maxAttempts?");
    }

    @Test
    void keysReadOnlyWhenTheRunStartsAreValidatedToo() {
        assertThatThrownBy(() -> read(Map.of("evals4j.shutdownGrace", "0s")))
                .hasMessage("Invalid value '0s' for configuration parameter 'evals4j.shutdownGrace': allowed "
                        + Durations.SYNTAX);
    }

    @Test
    void badStrategyNamesKeyValueAndAllowedValues() {
        assertThatThrownBy(() -> read(Map.of("evals4j.concurrency.strategy", "fast")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid value 'fast' for configuration parameter 'evals4j.concurrency.strategy': "
                        + "allowed one of adaptive, aimd, sliding, sequential");
    }

    @Test
    void badNumbersBooleansDurationsAndModesAreRejected() {
        assertThatThrownBy(() -> read(Map.of("evals4j.concurrency.max", "0"))).hasMessageContaining("a positive integer");
        assertThatThrownBy(() -> read(Map.of("evals4j.limit", "ten"))).hasMessageContaining("'evals4j.limit'");
        assertThatThrownBy(() -> read(Map.of("concurrent", "yes"))).hasMessageContaining("true or false");
        assertThatThrownBy(() -> read(Map.of("evals4j.timeout", "-3s"))).hasMessageContaining("500ms, 30s");
        assertThatThrownBy(() -> read(Map.of("evals4j.retry.wait", "exponential:30s..1s")))
                .hasMessageContaining("'evals4j.retry.wait'").hasMessageContaining("initial at most max");
        assertThatThrownBy(() -> read(Map.of("evals4j.progress", "fancy")))
                .hasMessageContaining("one of auto, bar, lines, off");
        assertThatThrownBy(() -> read(Map.of("evals4j.report", "all")))
                .hasMessageContaining("one of rows, failures, summary");
        assertThatThrownBy(() -> read(Map.of("evals4j.storage", "mysql"))).hasMessageContaining("sqlite, none");
        assertThatThrownBy(() -> read(Map.of("evals4j.experiment", "a b"))).hasMessageContaining("'evals4j.experiment'");
    }

    @Test
    void resumeRerunNamesKeyValueAndAllowedValuesAndDefaultsToErrors() {
        assertThat(read(Map.of()).resumeRerun()).isEqualTo(ResumeRerun.ERRORS);
        assertThatThrownBy(() -> read(Map.of("evals4j.resume.rerun", "all")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid value 'all' for configuration parameter 'evals4j.resume.rerun': "
                        + "allowed one of errors, failures");
    }

    @Test
    void parsesShortDurations() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse(" 2 m")).contains(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
        assertThat(Durations.parse("PT30S")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("0s")).isEmpty();
        assertThat(Durations.parseNonNegative("0s")).contains(Duration.ZERO);
        assertThat(Durations.parse("soon")).isEmpty();
    }
}
