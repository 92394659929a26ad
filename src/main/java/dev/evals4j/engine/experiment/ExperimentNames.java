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
 * without a name is a new experiment and a named one resumes. A method's limit group (the runners that
 * share a provider's rate limit) is named by {@code evals4j.limitGroup}, or else is its named experiment,
 * or else {@value #DEFAULT_LIMIT_GROUP}. Stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class ExperimentNames {

    /** The limit group of methods whose experiment has no name of its own. */
    public static final String DEFAULT_LIMIT_GROUP = "default";
    /** The {@code evals4j.limitGroup} value that turns sharing off. */
    public static final String NO_LIMIT_GROUP = "none";

    private ExperimentNames() {}

    /**
     * The limit group a method's runner joins, empty when sharing is off. An unnamed experiment gets a new
     * name on every run, so runners that name no experiment (Surefire forks of one build) meet in
     * {@value #DEFAULT_LIMIT_GROUP} rather than in a group of their own each.
     *
     * @param configured the {@code evals4j.limitGroup} value, if any ({@value #NO_LIMIT_GROUP}: none)
     * @param annotated the {@code @ForEach(experiment = ...)} value; blank when not given
     * @param configuredExperiment the {@code evals4j.experiment} value, if any
     */
    public static Optional<String> limitGroup(Optional<String> configured, String annotated,
            Optional<String> configuredExperiment) {
        if (configured.isPresent()) {
            return configured.filter(name -> !name.equals(NO_LIMIT_GROUP));
        }
        if (annotated != null && !annotated.isBlank()) {
            return Optional.of(annotated.trim());
        }
        return Optional.of(configuredExperiment.orElse(DEFAULT_LIMIT_GROUP));
    }

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
