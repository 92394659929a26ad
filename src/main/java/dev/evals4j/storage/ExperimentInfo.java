package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A named run of one suite, as stored.
 *
 * @param id the store's id of the experiment
 * @param name the experiment name ({@code evals4j.experiment})
 * @param suite the suite it runs, {@code class#method}
 * @param created when the experiment was first opened
 * @param config the configuration it was first opened with, already {@link Redactor redacted};
 *     unmodifiable, sorted by key
 * @param datasetFingerprint a fingerprint of the dataset it was first opened with, or {@code null}
 * @param status its lifecycle state
 */
@API(status = INTERNAL, since = "0.1")
public record ExperimentInfo(
        long id,
        String name,
        String suite,
        Instant created,
        Map<String, String> config,
        String datasetFingerprint,
        ExperimentStatus status) {

    /** Validates and copies. */
    public ExperimentInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(status, "status");
        config = Collections.unmodifiableMap(new TreeMap<>(config));
    }

    /** A copy with another status. */
    public ExperimentInfo withStatus(ExperimentStatus newStatus) {
        return new ExperimentInfo(id, name, suite, created, config, datasetFingerprint, newStatus);
    }
}
