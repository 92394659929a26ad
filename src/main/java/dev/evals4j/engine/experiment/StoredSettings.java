package dev.evals4j.engine.experiment;

import dev.evals4j.engine.run.MethodSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings an experiment is stored with: what decides how its rows ran, so that {@code show}
 * and {@code compare} can tell two experiments' setups apart. Secret-looking values are masked by
 * the store. Stateless.
 */
public final class StoredSettings {

    private StoredSettings() {}

    /** The effective settings of a method, by configuration key. */
    public static Map<String, String> of(MethodSettings settings) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("concurrent", Boolean.toString(settings.concurrent()));
        settings.strategy().ifPresent(s -> config.put("evals4j.concurrency.strategy", s));
        putPositive(config, "evals4j.concurrency.max", settings.maxConcurrency());
        putPositive(config, "evals4j.retry.maxAttempts", settings.maxAttempts());
        settings.timeout().ifPresent(t -> config.put("evals4j.timeout", t.toString()));
        config.put("evals4j.repetitions", Integer.toString(settings.repetitions()));
        if (settings.limit() > 0) {
            config.put("evals4j.limit", Long.toString(settings.limit()));
        }
        config.put("evals4j.stopOnFirstError", Boolean.toString(settings.stopOnFirstError()));
        return config;
    }

    private static void putPositive(Map<String, String> config, String key, int value) {
        if (value > 0) {
            config.put(key, Integer.toString(value));
        }
    }
}
