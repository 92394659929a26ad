package dev.evals4j.dataset;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** A provider registered in this test tree's META-INF/services: the numbers 0 to {@code n - 1}. */
public final class TestNumbersProvider implements DatasetProvider {

    /** Its name in dataset specs. */
    public static final String NAME = "test-numbers";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DatasetSource open(Map<String, String> options) {
        String count = options.getOrDefault("n", "3");
        if (!count.matches("\\d+")) {
            throw new DatasetException("Option n of " + NAME + " must be a whole number, but was '" + count + "'");
        }
        List<Integer> numbers = IntStream.range(0, Integer.parseInt(count)).boxed().toList();
        return Datasets.fromObjects(() -> numbers, List.of(options.getOrDefault("column", "number")), NAME);
    }
}
