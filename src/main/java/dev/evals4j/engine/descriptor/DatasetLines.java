package dev.evals4j.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.dataset.DatasetFile;
import java.io.File;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * The {@link TestSource} of a row: its line in its dataset file, so that an IDE can jump from the row to
 * it. A file, or a class path resource in a directory, is a {@link FileSource}; a class path resource
 * inside an archive is a {@link ClasspathResourceSource}; rows a method produces have none. Immutable.
 */
@API(status = INTERNAL, since = "0.1")
public final class DatasetLines {

    /** No dataset file: rows get their method as their source. */
    public static final DatasetLines NONE = new DatasetLines(Optional.empty());

    private final Optional<DatasetFile> file;

    private DatasetLines(Optional<DatasetFile> file) {
        this.file = file;
    }

    /** The lines of {@code file}, or {@link #NONE} without one. */
    public static DatasetLines of(Optional<DatasetFile> file) {
        return file.isPresent() ? new DatasetLines(file) : NONE;
    }

    /**
     * The source of the entry at {@code location} ({@code name:line}, as the dataset names its entries);
     * empty when the rows do not come from a file.
     */
    public Optional<TestSource> sourceOf(String location) {
        return file.map(f -> {
            OptionalLong line = f.lineOf(location);
            FilePosition position = line.isPresent() && line.getAsLong() <= Integer.MAX_VALUE
                    ? FilePosition.from((int) line.getAsLong()) : null;
            if (f.isFile()) {
                return FileSource.from(new File(f.uri()), position);
            }
            return ClasspathResourceSource.from(f.classPathResource() ? f.name() : f.uri().toString(), position);
        });
    }
}
