package dev.evals4j.storage;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/** The lifecycle state of an {@link ExperimentInfo experiment}. */
@API(status = INTERNAL, since = "0.1")
public enum ExperimentStatus {
    /** A run is recording into the experiment (or a JVM died before it could say otherwise). */
    RUNNING,
    /** The last run dispatched every pending (row, repetition) pair. */
    COMPLETED,
    /** The last run stopped early on purpose ({@code stopOnFirstError}). */
    ABORTED,
    /** The last run was stopped from outside (Ctrl-C, SIGTERM, cancellation). */
    INTERRUPTED
}
