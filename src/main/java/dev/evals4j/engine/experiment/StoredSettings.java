package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.engine.config.ConfigKeys;
import dev.evals4j.engine.config.MethodSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The settings an experiment is stored with: what decides how its rows ran, so that {@code show}
 * and {@code compare} can tell two experiments' setups apart. Secret-looking values are masked by
 * the store. Stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class StoredSettings {

    private StoredSettings() {}

    /** The effective settings of a method, by configuration key. */
    public static Map<String, String> of(MethodSettings settings) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(ConfigKeys.CONCURRENT.name(), Boolean.toString(settings.concurrent()));
        settings.strategy().ifPresent(s -> config.put(ConfigKeys.STRATEGY.name(), s));
        putPositive(config, ConfigKeys.MAX_CONCURRENCY.name(), settings.maxConcurrency());
        putPositive(config, ConfigKeys.MAX_ATTEMPTS.name(), settings.maxAttempts());
        settings.timeout().ifPresent(t -> config.put(ConfigKeys.TIMEOUT.name(), t.toString()));
        config.put(ConfigKeys.REPETITIONS.name(), Integer.toString(settings.repetitions()));
        if (settings.limit() > 0) {
            config.put(ConfigKeys.LIMIT.name(), Long.toString(settings.limit()));
        }
        config.put(ConfigKeys.STOP_ON_FIRST_ERROR.name(), Boolean.toString(settings.stopOnFirstError()));
        return config;
    }

    private static void putPositive(Map<String, String> config, String key, int value) {
        if (value > 0) {
            config.put(key, Integer.toString(value));
        }
    }
}
