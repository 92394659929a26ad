package dev.evals4j.storage;

/** The lifecycle state of an {@link ExperimentInfo experiment}. */
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
