package dev.evals4j.dataset;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Where datasets come from: the entry point that turns what a user wrote into a
 * {@link DatasetSource}. Stateless and thread-safe.
 *
 * <p>A dataset spec is one of:
 *
 * <ul>
 *   <li>{@code classpath:datasets/qa.jsonl}: a class path resource;
 *   <li>{@code file:/data/qa.csv} or {@code file:data/qa.csv}: a file, absolute or relative to the
 *       base directory;
 *   <li>{@code datasets/qa.json}: looked up on the class path first, then relative to the base
 *       directory;
 *   <li>{@code gsm8k} or {@code gsm8k?split=test&n=50}: a name without an extension, which a
 *       {@link dev.evals4j.api.spi.DatasetProvider} provides, with URL-encoded options.
 * </ul>
 *
 * The format of a file follows its extension: {@code .jsonl} and {@code .ndjson} (JSON Lines),
 * {@code .json} (an array of objects), {@code .csv} (with a header).
 */
@API(status = INTERNAL, since = "0.1")
public final class Datasets {

    static final String CLASSPATH_PREFIX = "classpath:";
    private static final String FILE_PREFIX = "file:";

    private Datasets() {}

    /**
     * Resolves a dataset spec. Finding the file or provider happens now; reading happens when the
     * source is opened.
     *
     * @param spec what the user wrote, for example {@code datasets/qa.jsonl}
     * @param loader the class loader to look up resources and providers with
     * @param baseDir the directory relative file paths are resolved against (the project directory)
     * @return a lazy source
     * @throws DatasetException if the spec is empty, has an unsupported extension, names no file
     *     that exists, or names no known provider; the message says where it looked and what to do
     */
    public static DatasetSource resolve(String spec, ClassLoader loader, Path baseDir) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(baseDir, "baseDir");
        String trimmed = spec.strip();
        if (trimmed.isEmpty()) {
            throw new DatasetException("A dataset spec is empty. Give a path such as 'datasets/qa.jsonl',"
                    + " 'classpath:qa.csv' or 'file:/data/qa.json', or the name of a dataset provider.");
        }
        if (trimmed.startsWith(CLASSPATH_PREFIX)) {
            return fromClassPath(trimmed, trimmed.substring(CLASSPATH_PREFIX.length()), loader);
        }
        if (trimmed.startsWith(FILE_PREFIX)) {
            Path path = fileSpecPath(trimmed, baseDir);
            String written = trimmed.substring(FILE_PREFIX.length());
            return fromFile(trimmed, written.startsWith("//") ? path.toString() : written, path);
        }
        if (ProvidedDatasets.isProviderSpec(trimmed)) {
            return ProvidedDatasets.open(trimmed, loader, baseDir);
        }
        return fromClassPathOrFile(trimmed, loader, baseDir);
    }

    /**
     * A file dataset, its format chosen by its extension: for providers that keep their data in
     * files.
     *
     * @param file the file
     * @return a lazy source whose row locations name the file as given
     * @throws DatasetException if the extension is unsupported or the file does not exist
     */
    public static DatasetSource fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        return fromFile(file.toString(), file.toString(), file);
    }

    /**
     * The rows a user's method returns, read lazily: {@code rows} is called once per
     * {@link DatasetSource#open()} and may return a {@link java.util.stream.Stream},
     * {@link Iterable}, {@link java.util.Iterator} or array. Each element may be a {@code Map} with
     * string keys (its entries are the columns), a record (its components), an array or
     * {@code List} (its values, named by {@code columnNames}, or {@code c0, c1, ...} when that is
     * empty), or a scalar such as a string or number (one column, named by the single column name
     * or else {@code value}). Any other element is a {@link MalformedEntry} naming its index and
     * type. A stream that {@code rows} returns is closed with the stream of entries.
     *
     * @param rows calls the user's method
     * @param columnNames names for the values of array and list elements; may be empty
     * @param description names the method for messages and locations, such as {@code MathEvals.rows()}
     * @return a lazy source without a fingerprint
     */
    public static DatasetSource fromObjects(Supplier<?> rows, List<String> columnNames, String description) {
        return new ObjectSource(rows, columnNames, description);
    }

    /**
     * {@link #fromObjects(Supplier, List, String)} without column names: array and list values
     * are named {@code c0, c1, ...} and scalars {@code value}.
     */
    public static DatasetSource fromObjects(Supplier<?> rows, String description) {
        return fromObjects(rows, List.of(), description);
    }

    private static DatasetSource fromClassPath(String spec, String resourceName, ClassLoader loader) {
        String name = stripLeadingSlash(resourceName);
        DatasetFormat format = formatOf(spec, name);
        URL url = loader.getResource(name);
        if (url == null) {
            throw new DatasetException("Dataset '" + spec + "' not found: there is no resource '" + name
                    + "' on the class path. Put the file under src/test/resources/" + name
                    + " (it is then on the test class path), or use 'file:' for a file outside it.");
        }
        return format.source(new ClassPathResource(name, url));
    }

    private static DatasetSource fromFile(String spec, String name, Path path) {
        DatasetFormat format = formatOf(spec, path.getFileName() == null ? spec : path.getFileName().toString());
        if (!Files.isRegularFile(path)) {
            throw new DatasetException("Dataset '" + spec + "' not found: " + path.toAbsolutePath().normalize()
                    + (Files.isDirectory(path) ? " is a directory" : " does not exist")
                    + ". Check the path, or put the file under src/test/resources and name it by its"
                    + " class path location.");
        }
        return format.source(new FileResource(name, path));
    }

    private static DatasetSource fromClassPathOrFile(String spec, ClassLoader loader, Path baseDir) {
        String resourceName = stripLeadingSlash(spec.replace('\\', '/'));
        DatasetFormat format = formatOf(spec, resourceName);
        URL url = loader.getResource(resourceName);
        if (url != null) {
            return format.source(new ClassPathResource(spec, url));
        }
        Path path = pathOf(spec, baseDir);
        if (Files.isRegularFile(path)) {
            return format.source(new FileResource(spec, path));
        }
        throw new DatasetException("Dataset '" + spec + "' not found. Looked on the class path for the resource '"
                + resourceName + "' and for the file " + path.toAbsolutePath().normalize()
                + ". Put it under src/test/resources/" + resourceName
                + " (it is then on the test class path), or give the path of an existing file.");
    }

    private static DatasetFormat formatOf(String spec, String fileName) {
        return DatasetFormat.of(fileName).orElseThrow(() -> new DatasetException("Dataset '" + spec
                + "' has an unsupported file extension. Supported: " + DatasetFormat.supportedExtensions()
                + " (a name without an extension asks a DatasetProvider)."));
    }

    private static Path fileSpecPath(String spec, Path baseDir) {
        String rest = spec.substring(FILE_PREFIX.length());
        if (rest.startsWith("//")) {
            try {
                return Path.of(URI.create(spec));
            } catch (IllegalArgumentException e) {
                throw new DatasetException("Dataset '" + spec + "' is not a valid file URI: " + e.getMessage()
                        + ". Write 'file:/absolute/path.jsonl' or 'file:relative/path.jsonl'.", e);
            }
        }
        return pathOf(spec, rest, baseDir);
    }

    private static Path pathOf(String spec, Path baseDir) {
        return pathOf(spec, spec, baseDir);
    }

    private static Path pathOf(String spec, String text, Path baseDir) {
        try {
            Path path = Path.of(text);
            return path.isAbsolute() ? path : baseDir.resolve(path);
        } catch (InvalidPathException e) {
            throw new DatasetException("Dataset '" + spec + "' is not a valid path: " + e.getMessage(), e);
        }
    }

    private static String stripLeadingSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
