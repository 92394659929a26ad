package dev.evals4j.engine.config;

import java.util.Set;

/** The names of the configuration parameters the engine reads (DESIGN.md §5). */
public final class ConfigKeys {

    /** {@code true}: every method runs its rows concurrently; {@code false}: every method is sequential. */
    public static final String CONCURRENT = "concurrent";
    /** The prefix every engine-specific key shares; unknown keys under it are errors. */
    public static final String PREFIX = "evals4j.";
    /** The concurrency strategy: adaptive, sliding, aimd or sequential. */
    public static final String STRATEGY = "evals4j.concurrency.strategy";
    /** The maximum number of rows in flight. */
    public static final String MAX_CONCURRENCY = "evals4j.concurrency.max";
    /** The concurrency a strategy starts from. */
    public static final String INITIAL_CONCURRENCY = "evals4j.concurrency.initial";
    /** The maximum number of attempts per row, the first included. */
    public static final String MAX_ATTEMPTS = "evals4j.retry.maxAttempts";
    /** The wait between attempts, in the executor's retry syntax. */
    public static final String RETRY_WAIT = "evals4j.retry.wait";
    /** The timeout of one attempt. */
    public static final String TIMEOUT = "evals4j.timeout";
    /** The name of the experiment results are recorded under. */
    public static final String EXPERIMENT = "evals4j.experiment";
    /** Where results are stored: sqlite, none, or a JDBC URL. */
    public static final String STORAGE = "evals4j.storage";
    /** How many times each row runs. */
    public static final String REPETITIONS = "evals4j.repetitions";
    /**
     * Whether the first row that ends with an error (an exception after its attempts, or a timeout)
     * stops its method; a failing verdict ({@code false}, a failing score, a thrown assertion) is a
     * result, not an error, and does not stop it.
     */
    public static final String STOP_ON_FIRST_ERROR = "evals4j.stopOnFirstError";
    /** Only the first N rows run. */
    public static final String LIMIT = "evals4j.limit";
    /** The console progress display: auto, bar, lines or off. */
    public static final String PROGRESS = "evals4j.progress";
    /** Which rows become tests: rows, failures or summary. */
    public static final String REPORT = "evals4j.report";
    /** The directory {@code summary.json} is written to; default {@code target/evals4j}. */
    public static final String REPORT_DIR = "evals4j.reportDir";
    /** How long rows in flight may finish, and be recorded, after Ctrl-C or SIGTERM. */
    public static final String SHUTDOWN_GRACE = "evals4j.shutdownGrace";
    /** Re-score the experiment's stored outputs: the names of the scores to add, separated by commas. */
    public static final String RESCORE = "evals4j.rescore";
    /** Which stored rows a resumed experiment runs again: errors (the default) or failures (biased). */
    public static final String RESUME_RERUN = "evals4j.resume.rerun";

    /** Every {@code evals4j.*} key the engine knows. */
    public static final Set<String> KNOWN = Set.of(
            STRATEGY, MAX_CONCURRENCY, INITIAL_CONCURRENCY, MAX_ATTEMPTS, RETRY_WAIT, TIMEOUT, EXPERIMENT,
            STORAGE, REPETITIONS, STOP_ON_FIRST_ERROR, LIMIT, PROGRESS, REPORT, REPORT_DIR, SHUTDOWN_GRACE,
            RESCORE, RESUME_RERUN);

    private ConfigKeys() {}
}
