package dev.evals4j.engine.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * One configuration key of the engine, declared once in {@link ConfigKeys}: its name, what it accepts,
 * its default and what it means, and the parser that turns its text into a value. Everything users see
 * about a key (the error for a bad value, the list of known keys, the README's table) derives from here.
 * Immutable and thread-safe.
 *
 * @param <T> the type of the key's value
 */
@API(status = INTERNAL, since = "0.1")
public final class ConfigKey<T> {

    private final String name;
    private final String allowed;
    private final Function<String, Optional<T>> parser;
    private final Optional<T> defaultValue;
    private final String defaultText;
    private final String meaning;

    private ConfigKey(String name, String allowed, Function<String, Optional<T>> parser, Optional<T> defaultValue,
            String defaultText, String meaning) {
        this.name = Objects.requireNonNull(name, "name");
        this.allowed = Objects.requireNonNull(allowed, "allowed");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.defaultText = Objects.requireNonNull(defaultText, "defaultText");
        this.meaning = Objects.requireNonNull(meaning, "meaning");
    }

    /**
     * A key without a default value, described by {@code defaultText} (who decides when it is not set).
     *
     * @param name the key, e.g. {@code evals4j.timeout}
     * @param allowed what the key accepts, as error messages say it: {@code "a positive integer"}
     * @param parser the value of a trimmed text, or empty when the text is not allowed
     * @param defaultText what happens when the key is not set, for the documentation
     * @param meaning what the key does, for the documentation
     */
    public static <T> ConfigKey<T> of(String name, String allowed, Function<String, Optional<T>> parser,
            String defaultText, String meaning) {
        return new ConfigKey<>(name, allowed, parser, Optional.empty(), defaultText, meaning);
    }

    /** This key with the value it takes when it is not set, shown as {@code text}. */
    public ConfigKey<T> withDefault(T value, String text) {
        return new ConfigKey<>(name, allowed, parser, Optional.of(value), text, meaning);
    }

    /** The key's name. */
    public String name() {
        return name;
    }

    /** What the key accepts, as error messages and the documentation say it. */
    public String allowed() {
        return allowed;
    }

    /** The value the key takes when it is not set, if the key has one of its own. */
    public Optional<T> defaultValue() {
        return defaultValue;
    }

    /** What happens when the key is not set, as the documentation says it. */
    public String defaultText() {
        return defaultText;
    }

    /** What the key does, as the documentation says it. */
    public String meaning() {
        return meaning;
    }

    /** The value {@code text} denotes (surrounding blanks ignored), or empty when it is not {@linkplain #allowed() allowed}. */
    public Optional<T> tryParse(String text) {
        return parser.apply(text.trim());
    }

    /**
     * The value {@code text} denotes (surrounding blanks ignored).
     *
     * @throws InvalidConfigurationException naming the key, the value and the allowed values
     */
    public T parse(String text) {
        return tryParse(text).orElseThrow(() -> InvalidConfigurationException.badValue(name, text, allowed));
    }

    /**
     * The value set in {@code parameters}, if any.
     *
     * @throws InvalidConfigurationException naming the key, the value and the allowed values
     */
    public Optional<T> read(ConfigurationParameters parameters) {
        return parameters.get(name).map(this::parse);
    }

    /**
     * The value set in {@code parameters}, else the default.
     *
     * @throws IllegalStateException if the key has no default value
     * @throws InvalidConfigurationException naming the key, the value and the allowed values
     */
    public T readOrDefault(ConfigurationParameters parameters) {
        return read(parameters).or(() -> defaultValue)
                .orElseThrow(() -> new IllegalStateException(name + " has no default value"));
    }

    @Override
    public String toString() {
        return name;
    }
}
