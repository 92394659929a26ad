package dev.evals4j.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Binds a parameter of a {@link ForEach} method to the dataset column of the given name, whatever
 * the parameter is called. The column value is converted to the parameter's type (strings, numbers,
 * booleans, maps, lists and beans), and a value that cannot be converted fails its row with a
 * message naming the row, the column and the expected type.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Column {

    /** The column name. */
    String value();
}
