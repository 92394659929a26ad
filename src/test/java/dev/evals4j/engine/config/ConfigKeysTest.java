package dev.evals4j.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

    @Test
    void everyKeyIsDeclaredOnceUnderTheEnginesPrefixOrAsJUnitsConcurrentKey() {
        assertThat(ConfigKeys.ALL).extracting(ConfigKey::name).doesNotHaveDuplicates()
                .allMatch(name -> name.startsWith(ConfigKeys.PREFIX) || name.equals("concurrent"));
        assertThat(ConfigKeys.names()).hasSameSizeAs(ConfigKeys.ALL);
    }

    @Test
    void theReadmeTableIsTheRegistrys() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme).contains(ConfigKeys.markdownTable());
        Matcher documented = Pattern.compile("^\\| `(evals4j\\.[^`]+|concurrent)` \\|", Pattern.MULTILINE).matcher(readme);
        assertThat(documented.results().map(m -> m.group(1)).collect(Collectors.toSet()))
                .isEqualTo(ConfigKeys.names());
    }

    @Test
    void theDocumentedDefaultsAreTheOnesTheEngineUses() {
        assertThat(ConfigKeys.TIMEOUT.defaultText()).isEqualTo("`60s`");
        assertThat(ConfigKeys.MAX_CONCURRENCY.defaultText()).isEqualTo("`100` (`sliding`: `10`)");
        assertThat(ConfigKeys.INITIAL_CONCURRENCY.defaultText()).isEqualTo("`10` (`adaptive`, `aimd`: `5`)");
        assertThat(ConfigKeys.RETRY_WAIT.defaultText()).isEqualTo("`exponential:1s..30s`");
        assertThat(ConfigKeys.SHUTDOWN_GRACE.defaultValue()).contains(Duration.ofSeconds(10));
    }

    @Test
    void parseNamesTheKeyTheValueAndTheAllowedValues() {
        assertThat(ConfigKeys.REPETITIONS.parse(" 3 ")).isEqualTo(3);
        assertThatThrownBy(() -> ConfigKeys.REPETITIONS.parse("many"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid value 'many' for configuration parameter 'evals4j.repetitions': allowed a positive integer");
    }

    @Test
    void durationsFormatBackToTheirShortForm() {
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Durations.format(Duration.ofSeconds(60))).isEqualTo("60s");
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
    }
}
