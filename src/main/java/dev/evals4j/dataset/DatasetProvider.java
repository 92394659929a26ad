package dev.evals4j.dataset;

import java.util.Map;

/**
 * A service that makes a dataset available by name, so that {@code @ForEach(dataset = "gsm8k")}
 * needs no file path.
 *
 * <p>Providers register through the standard {@link java.util.ServiceLoader} file
 * {@code META-INF/services/dev.evals4j.dataset.DatasetProvider}. A spec such as
 * {@code gsm8k?split=test} asks the provider named {@code gsm8k} for a source, with the options
 * {@code {split=test}}. Implementations must be thread-safe and must not read the dataset in
 * {@link #open(Map)}: reading happens when the returned source is opened.
 */
public interface DatasetProvider {

    /** The name a spec uses for this provider: no dots or slashes, for example {@code gsm8k}. */
    String name();

    /**
     * A source for this provider's dataset.
     *
     * @param options the options of the spec, in order; empty when it has none
     * @return a lazy source
     * @throws DatasetException if an option is unknown or invalid, naming it and the allowed values
     */
    DatasetSource open(Map<String, String> options);
}
