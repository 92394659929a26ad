package dev.evals4j.engine.run;

import dev.evals4j.dataset.MalformedEntry;

/** The failure reported for a dataset line that could not be read; its message names the file and line. */
final class MalformedRowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The failure of {@code entry}. */
    public MalformedRowException(MalformedEntry entry) {
        super("Malformed dataset entry at " + entry.location() + ": " + entry.message());
    }
}
