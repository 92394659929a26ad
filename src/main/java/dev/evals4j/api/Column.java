package dev.evals4j.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter of a {@link ForEach} method to the dataset column of the given name, whatever
 * the parameter is called. The column value is converted to the parameter's type (strings, numbers,
 * booleans, maps, lists and beans), and a value that cannot be converted fails its row with a
 * message naming the row, the column and the expected type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Column {

    /** The column name. */
    String value();
}
