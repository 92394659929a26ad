package dev.evals4j.dataset;

import dev.evals4j.api.spi.DatasetProvider;
import dev.evals4j.api.spi.ProvidedDataset;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Datasets named by a {@link DatasetProvider}: a spec {@code name?key=value&...} without an
 * extension. Stateless and thread-safe; providers are looked up on each call, with the class
 * loader given.
 */
final class ProvidedDatasets {

    private ProvidedDatasets() {}

    /** Whether a spec names a provider: no dot, slash or backslash before its options. */
    static boolean isProviderSpec(String spec) {
        String name = nameOf(spec);
        return name.indexOf('.') < 0 && name.indexOf('/') < 0 && name.indexOf('\\') < 0;
    }

    /**
     * The source of the provider a spec names, given the spec's options.
     *
     * @throws DatasetException if no provider has that name (listing those found), an option is
     *     malformed, or the provider fails
     */
    static DatasetSource open(String spec, ClassLoader loader, Path baseDir) {
        String name = nameOf(spec);
        Map<String, String> options = optionsOf(spec);
        List<DatasetProvider> providers = providers(loader, spec);
        DatasetProvider provider = providers.stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new DatasetException("Dataset '" + spec + "': no dataset provider is named '"
                        + name + "'. Providers found: " + namesOf(providers) + ". A provider registers"
                        + " in META-INF/services/" + DatasetProvider.class.getName() + "; a file dataset"
                        + " needs an extension (" + DatasetFormat.supportedExtensions() + ")."));
        ProvidedDataset provided;
        try {
            provided = Objects.requireNonNull(provider.open(Collections.unmodifiableMap(options)),
                    () -> "dataset provider '" + name + "' returned no dataset");
        } catch (RuntimeException e) {
            throw new DatasetException("Dataset provider '" + name + "' (" + provider.getClass().getName()
                    + ") failed to open '" + spec + "' with options " + options + ": " + e.getMessage(), e);
        }
        return sourceOf(provided, loader, baseDir);
    }

    /** The engine's source for what a provider handed over. */
    private static DatasetSource sourceOf(ProvidedDataset provided, ClassLoader loader, Path baseDir) {
        if (provided instanceof ProvidedDataset.File file) {
            return Datasets.fromFile(file.path());
        }
        if (provided instanceof ProvidedDataset.Resource resource) {
            return Datasets.resolve(Datasets.CLASSPATH_PREFIX + resource.name(), loader, baseDir);
        }
        ProvidedDataset.Rows rows = (ProvidedDataset.Rows) provided;
        return Datasets.fromObjects(rows.rows(), rows.columnNames(), rows.description());
    }

    private static String nameOf(String spec) {
        int query = spec.indexOf('?');
        return query < 0 ? spec : spec.substring(0, query);
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

    private static String namesOf(List<DatasetProvider> providers) {
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
