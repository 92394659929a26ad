package dev.evals4j.dataset;

import dev.evals4j.api.spi.DatasetProvider;
import dev.evals4j.api.spi.ProvidedDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A provider registered in this test tree's META-INF/services: the numbers 0 to {@code n - 1}, or
 * the file or class path resource named by its {@code file} or {@code resource} option.
 */
public final class TestNumbersProvider implements DatasetProvider {

    /** Its name in dataset specs. */
    public static final String NAME = "test-numbers";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProvidedDataset open(Map<String, String> options) {
        if (options.containsKey("file")) {
            return ProvidedDataset.file(Path.of(options.get("file")));
        }
        if (options.containsKey("resource")) {
            return ProvidedDataset.resource(options.get("resource"));
        }
        String count = options.getOrDefault("n", "3");
        if (!count.matches("\\d+")) {
            throw new IllegalArgumentException("Option n of " + NAME + " must be a whole number, but was '" + count + "'");
        }
        List<Integer> numbers = IntStream.range(0, Integer.parseInt(count)).boxed().toList();
        return ProvidedDataset.rows(NAME, List.of(options.getOrDefault("column", "number")), () -> numbers);
    }
}
