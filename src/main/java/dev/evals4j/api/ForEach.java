package dev.evals4j.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.evals4j.api.spi.FailureClassifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks an evaluation method: the method runs once for every row of a dataset (and every
 * repetition), and each run is reported as its own test.
 *
 * <p>Rows come from exactly one of {@link #dataset()} (a file on the class path or the file system,
 * {@code .jsonl}, {@code .json} or {@code .csv}, or a named dataset) and {@link #method()} (a method
 * of the same class returning a {@code Stream}, {@code Iterable}, {@code Iterator} or array of rows).
 *
 * <p>Parameters are bound, in this order of precedence: {@link EvalContext} by type; a
 * {@link Column @Column} name; the columns listed in {@link #value()} to the first parameters in
 * order; a {@link Fixture @Fixture} by name, then by type; finally a column with the parameter's
 * own name (which needs the {@code -parameters} compiler flag).
 *
 * <p>The method may return {@code void} (passes unless it throws), {@code boolean}, {@link Score},
 * {@link Result}, or a {@code CompletionStage} of one of them. A method returning a
 * {@code CompletionStage} is asynchronous and runs its rows concurrently by default; a synchronous
 * method runs them one at a time unless {@link #concurrent()} or the {@code concurrent}
 * configuration parameter says otherwise.
 *
 * <p>Every numeric setting whose value is {@code 0} and every string setting whose value is empty
 * falls back to the matching {@code evals4j.*} configuration parameter.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Testable
public @interface ForEach {

    /**
     * Column names bound, in order, to the first parameters of the method, separated by commas,
     * such as {@code "question,answer"}. Empty: parameters are bound by name or {@link Column}.
     */
    String value() default "";

    /** The dataset: a class path resource, a file, or a named dataset, such as {@code "qa.jsonl"}. */
    String dataset() default "";

    /**
     * The name of a method of the same class (static, or an instance method of the evaluation
     * instance) without parameters returning a {@code Stream}, {@code Iterable}, {@code Iterator} or
     * array of rows; a row is a {@code Map}, a record, a bean or an array matched to {@link #value()}.
     */
    String method() default "";

    /**
     * The concurrency strategy for this method: {@code adaptive}, {@code sliding}, {@code aimd} or
     * {@code sequential}. Empty: {@code evals4j.concurrency.strategy}.
     */
    String concurrency() default "";

    /** The maximum number of rows in flight. {@code 0}: {@code evals4j.concurrency.max}. */
    int maxConcurrency() default 0;

    /** The maximum number of attempts per row, the first included. {@code 0}: {@code evals4j.retry.maxAttempts}. */
    int maxAttempts() default 0;

    /** The timeout of one attempt, such as {@code "30s"} or {@code "500ms"}. Empty: {@code evals4j.timeout}. */
    String timeout() default "";

    /** How many times each row runs. {@code 0}: {@code evals4j.repetitions}. */
    int repetitions() default 0;

    /** Only the first {@code limit} rows run. {@code 0}: {@code evals4j.limit} (itself all rows by default). */
    long limit() default 0;

    /**
     * The experiment this method's results are recorded under. Running again with the same name
     * resumes it: rows already completed (with unchanged content) are reported from the store and not
     * run again. Empty: {@code evals4j.experiment}, or else a new experiment named
     * {@code <class>#<method>@<start time>} for every run.
     */
    String experiment() default "";

    /**
     * Re-scores the {@link #experiment()}'s stored outputs instead of calling the model: the names of
     * the scores to add, separated by commas, such as {@code "faithfulness"}. The method is called only
     * for completed runs that lack one of them, with the stored output in
     * {@link EvalContext#storedOutput()}; the scores it returns are merged into the stored ones. Empty:
     * rows run normally.
     */
    String rescore() default "";

    /**
     * The classifiers this method's failures are asked about first, in order: each says whether a failure
     * is a rate limit (and how long to wait), transient or permanent. Each needs a public no-argument
     * constructor. After them come those of {@code evals4j.classifiers}, those registered through
     * {@link java.util.ServiceLoader}, and the engine's own.
     */
    Class<? extends FailureClassifier>[] classifiers() default {};

    /** Whether rows run concurrently; {@link Concurrent#DEFAULT} decides by the method and configuration. */
    Concurrent concurrent() default Concurrent.DEFAULT;

    /** Whether the rows of one method run concurrently. */
    enum Concurrent {
        /**
         * Concurrent when the method is asynchronous or the {@code concurrent} configuration
         * parameter is {@code true}; sequential otherwise.
         */
        DEFAULT,
        /** Always concurrent. */
        TRUE,
        /** Always sequential, one row at a time. */
        FALSE
    }
}
