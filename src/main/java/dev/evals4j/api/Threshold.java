package dev.evals4j.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Gates a {@link ForEach} method on an aggregate instead of on every row.
 *
 * <p>When a method has at least one threshold, a row whose result fails (a failing {@link Score},
 * {@code false}) is reported as successful, its name carrying the failure mark and failing scores (such as
 * {@code r005 ✗ numeric_match=0}) and the method's summary listing it;
 * rows that throw are still failures. The method's container then fails when an aggregate misses a
 * bound. Metrics:
 *
 * <ul>
 *   <li>{@code accuracy}: passing rows among the rows that produced a result (errors excluded);
 *   <li>{@code pass_rate}: passing rows among all rows;
 *   <li>{@code error_rate}: rows that failed with an exception or did not run, among all rows
 *       (usually gated with {@link #max()});
 *   <li>{@code mean:<score>}: the mean value of the named score, such as {@code mean:similarity}.
 * </ul>
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Threshold.List.class)
public @interface Threshold {

    /** The metric: {@code accuracy}, {@code pass_rate}, {@code error_rate} or {@code mean:<score>}. */
    String metric();

    /** The smallest acceptable value (inclusive). */
    double min() default Double.NEGATIVE_INFINITY;

    /** The largest acceptable value (inclusive). */
    double max() default Double.POSITIVE_INFINITY;

    /** The container of repeated {@link Threshold} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {

        /** The thresholds. */
        Threshold[] value();
    }
}
