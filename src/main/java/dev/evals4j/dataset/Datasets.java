package dev.evals4j.dataset;

import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

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
 *       {@link DatasetProvider} provides, with URL-encoded options.
 * </ul>
 *
 * The format of a file follows its extension: {@code .jsonl} and {@code .ndjson} (JSON Lines),
 * {@code .json} (an array of objects), {@code .csv} (with a header).
 */
public final class Datasets {

    private static final String CLASSPATH_PREFIX = "classpath:";
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
            String written = trimmed.substring(FILE_PREFIX.length());
            return fromFile(trimmed, written.startsWith("//") ? null : written, fileSpecPath(trimmed, baseDir));
        }
        if (isProviderName(trimmed)) {
            return fromProvider(trimmed, loader);
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
        String locationName = name == null ? path.toAbsolutePath().normalize().toString() : name;
        return format.source(new FileResource(locationName, path));
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

    private static boolean isProviderName(String spec) {
        String name = nameOf(spec);
        return name.indexOf('.') < 0 && name.indexOf('/') < 0 && name.indexOf('\\') < 0;
    }

    private static String nameOf(String spec) {
        int query = spec.indexOf('?');
        return query < 0 ? spec : spec.substring(0, query);
    }

    private static DatasetSource fromProvider(String spec, ClassLoader loader) {
        String name = nameOf(spec);
        Map<String, String> options = optionsOf(spec);
        List<DatasetProvider> providers = providers(loader, spec);
        DatasetProvider provider = providers.stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new DatasetException("Dataset '" + spec + "': no dataset provider is named '"
                        + name + "'. Providers found: " + providerNames(providers) + ". A provider registers"
                        + " in META-INF/services/" + DatasetProvider.class.getName() + "; a file dataset"
                        + " needs an extension (" + DatasetFormat.supportedExtensions() + ")."));
        try {
            return Objects.requireNonNull(provider.open(Collections.unmodifiableMap(options)),
                    () -> "dataset provider '" + name + "' returned no source");
        } catch (DatasetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DatasetException("Dataset provider '" + name + "' (" + provider.getClass().getName()
                    + ") failed to open '" + spec + "' with options " + options + ": " + e, e);
        }
    }

    private static List<DatasetProvider> providers(ClassLoader loader, String spec) {
        try {
            return ServiceLoader.load(DatasetProvider.class, loader).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();
        } catch (ServiceConfigurationError e) {
            throw new DatasetException("Dataset '" + spec + "': a dataset provider could not be loaded: "
                    + e.getMessage(), e);
        }
    }

    private static String providerNames(List<DatasetProvider> providers) {
        if (providers.isEmpty()) {
            return "none";
        }
        return String.join(", ", providers.stream().map(DatasetProvider::name).sorted().toList());
    }

    private static Map<String, String> optionsOf(String spec) {
        int query = spec.indexOf('?');
        Map<String, String> options = new LinkedHashMap<>();
        if (query < 0 || query == spec.length() - 1) {
            return options;
        }
        for (String pair : spec.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new DatasetException("Dataset '" + spec + "': the option '" + pair
                        + "' must be written key=value, as in 'name?split=test&n=50'.");
            }
            options.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
        }
        return options;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
