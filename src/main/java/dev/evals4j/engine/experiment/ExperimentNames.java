package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * How experiments and suites are named. A suite is {@code ClassName#method} (the class's binary
 * name). An experiment is named by, in this order: the method's {@code @ForEach(experiment = ...)},
 * the {@code evals4j.experiment} key, or else {@code <suite>@<execution start>} (ISO-8601, UTC, to the
 * millisecond, with a {@code -2}, {@code -3}... suffix if that name is taken), so that every run
 * without a name is a new experiment and a named one resumes. Stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class ExperimentNames {

    private ExperimentNames() {}

    /** The suite of {@code method} declared or inherited by {@code testClass}. */
    public static String suite(Class<?> testClass, Method method) {
        return testClass.getName() + "#" + method.getName();
    }

    /**
     * The experiment a method records into.
     *
     * @param annotated the {@code @ForEach(experiment = ...)} value; blank when not given
     * @param configured the {@code evals4j.experiment} value, if any
     * @param suite the method's suite
     * @param executionStart when the engine execution started
     * @param taken whether an experiment of that name already exists for the suite (only asked for
     *     generated names)
     */
    public static String experiment(String annotated, Optional<String> configured, String suite,
            Instant executionStart, Predicate<String> taken) {
        if (annotated != null && !annotated.isBlank()) {
            return annotated.trim();
        }
        if (configured.isPresent()) {
            return configured.get();
        }
        String generated = suite + "@" + executionStart.truncatedTo(ChronoUnit.MILLIS);
        String name = generated;
        for (int n = 2; taken.test(name); n++) {
            name = generated + "-" + n;
        }
        return name;
    }
}
