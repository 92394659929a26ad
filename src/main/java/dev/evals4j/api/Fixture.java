package dev.evals4j.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Declares a value shared by every row of an evaluation class, such as a model client.
 *
 * <p>On a method (static or instance, without parameters) the method is called once per class
 * before any row runs; on a field (static or instance) the field's value is taken once. The value is
 * injected into {@link ForEach} parameters by name (the method or field name, or {@link #value()}),
 * or by type when exactly one fixture has a matching type. A fixture value that is
 * {@link AutoCloseable} is closed after the last method of its class, in reverse order of creation.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface Fixture {

    /** The name parameters refer to it by; empty: the method or field name. */
    String value() default "";
}
