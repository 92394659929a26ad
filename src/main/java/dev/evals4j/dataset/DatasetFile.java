package dev.evals4j.dataset;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URI;
import java.util.Objects;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * The file a dataset is read from, so that a report can point at a row's line.
 *
 * @param name the name its rows' locations start with ({@code name:line}), as the user wrote it
 * @param uri where it is: a {@code file:} URI for a file or a class path resource in a directory,
 *     another scheme (such as {@code jar:}) for a class path resource inside an archive
 * @param classPathResource whether it was found on the class path (then {@code name} is the resource name)
 */
@API(status = INTERNAL, since = "0.1")
public record DatasetFile(String name, URI uri, boolean classPathResource) {

    /** Validates. */
    public DatasetFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uri, "uri");
    }

    /** Whether it is a file on the file system. */
    public boolean isFile() {
        return "file".equals(uri.getScheme());
    }

    /**
     * The 1-based line of an entry of this dataset, read from its location ({@code name:line}); empty
     * when the location is not one of this file's.
     */
    public OptionalLong lineOf(String location) {
        String prefix = name + ":";
        if (!location.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        try {
            long line = Long.parseLong(location.substring(prefix.length()));
            return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
