package dev.evals4j.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A service that makes a dataset available by name, so that {@code @ForEach(dataset = "gsm8k")}
 * needs no file path.
 *
 * <p>Providers register through the standard {@link java.util.ServiceLoader} file
 * {@code META-INF/services/dev.evals4j.api.spi.DatasetProvider}. A spec such as
 * {@code gsm8k?split=test} asks the provider named {@code gsm8k} for its dataset, with the options
 * {@code {split=test}}. Implementations must be thread-safe and must not read the dataset in
 * {@link #open(Map)}: the engine reads it, lazily, when the method runs.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DatasetProvider {

    /** The name a spec uses for this provider: no dots or slashes, for example {@code gsm8k}. */
    String name();

    /**
     * This provider's dataset for the given options.
     *
     * @param options the options of the spec, in order; empty when it has none
     * @return where the rows come from; never {@code null}
     * @throws IllegalArgumentException if an option is unknown or invalid; the message should name it
     *     and the allowed values, and the engine shows it together with the spec
     */
    ProvidedDataset open(Map<String, String> options);
}
