package dev.evals4j.engine.config;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * Which rows become tests in the test plan ({@code evals4j.report}). A registered test stays in the
 * launcher's memory, so very large datasets report fewer of them.
 */
@API(status = INTERNAL, since = "0.1")
public enum ReportMode {
    /** Every row is a test (the default). */
    ROWS,
    /**
     * Only rows that did not succeed are tests (rows with a failing verdict included, even under a
     * threshold); the others count in the summary.
     */
    FAILURES,
    /** No row is a test; the method's container carries the summary. */
    SUMMARY
}
