package dev.evals4j.engine.config;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * Which stored rows a resumed experiment runs again ({@code evals4j.resume.rerun}). Rows that never
 * ran, and rows whose content changed, always run.
 */
@API(status = INTERNAL, since = "0.1")
public enum ResumeRerun {
    /** Rows that ended with an error (an exception after their attempts, a timeout); the default. */
    ERRORS,
    /**
     * Also rows that completed with a failing verdict. This biases accuracy upward: a failing row gets
     * another chance to pass, while a passing row never gets one to fail.
     */
    FAILURES
}
