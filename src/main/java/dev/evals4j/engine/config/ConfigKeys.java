package dev.evals4j.engine.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.concurrency.ConcurrencyStrategies;
import dev.evals4j.concurrency.SlidingWindow;
import dev.evals4j.execution.AsyncExecutor;
import dev.evals4j.execution.RetryPolicy;
import dev.evals4j.report.json.SummaryFile;
import dev.evals4j.storage.ResultStores;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The registry of the engine's configuration keys: each declared once, with its name, what it accepts,
 * its default and its parser. The reader ({@link EngineConfigReader}), the unknown-key check, the error
 * messages and the README's table all derive from {@link #ALL}. To add a key, declare it here and add it
 * to {@link #ALL}. Stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConfigKeys {

    /** The prefix every engine-specific key shares; unknown keys under it are errors. */
    public static final String PREFIX = "evals4j.";

    private static final String POSITIVE_INTEGER = "a positive integer";
    private static final String TRUE_OR_FALSE = "true or false";
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
    private static final Pattern EXPERIMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** {@code true}: every method runs its rows concurrently; {@code false}: every method is sequential. */
    public static final ConfigKey<Boolean> CONCURRENT = ConfigKey.of("concurrent", TRUE_OR_FALSE,
            ConfigKeys::parseBoolean, "async evals concurrent, sync evals sequential",
            "`true`: sync evals run their rows concurrently too; `false`: every eval runs one row at a time");
    /** The concurrency strategy: one of {@link ConcurrencyStrategies#NAMES}. */
    public static final ConfigKey<String> STRATEGY = ConfigKey.of("evals4j.concurrency.strategy",
            oneOf(ConcurrencyStrategies.NAMES), s -> oneOf(ConcurrencyStrategies.NAMES, s), "the default pair",
            ConcurrencyStrategies.NAMES.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
                    + " (`sliding` is fixed at the maximum); unset: `Adaptive` (slow start, then a throughput hill-climb that backs"
                    + " off on timeouts and frequent errors) plus an `AdaptiveRateLimiter` that paces request starts after"
                    + " the first 429 at the rate the provider admits (the benchmark's winner)");
    /** The maximum number of rows in flight. */
    public static final ConfigKey<Integer> MAX_CONCURRENCY = ConfigKey.of("evals4j.concurrency.max", POSITIVE_INTEGER,
            ConfigKeys::parsePositiveInt, "`" + ConcurrencyStrategies.DEFAULT_MAX_CONCURRENCY + "` (`sliding`: `"
                    + SlidingWindow.DEFAULT_MAX_CONCURRENCY + "`)", "most rows in flight");
    /** The concurrency a strategy starts from. */
    public static final ConfigKey<Integer> INITIAL_CONCURRENCY = ConfigKey.of("evals4j.concurrency.initial",
            POSITIVE_INTEGER, ConfigKeys::parsePositiveInt,
            "`" + ConcurrencyStrategies.DEFAULT_INITIAL_CONCURRENCY + "` (`adaptive`, `aimd`: `"
                    + ConcurrencyStrategies.DEFAULT_NAMED_INITIAL_CONCURRENCY + "`)",
            "where the strategy starts (the default's slow start included), at most the maximum");
    /** The maximum number of attempts per row, the first included. */
    public static final ConfigKey<Integer> MAX_ATTEMPTS = ConfigKey.of("evals4j.retry.maxAttempts", POSITIVE_INTEGER,
            ConfigKeys::parsePositiveInt, "`" + RetryPolicy.DEFAULT_MAX_ATTEMPTS + "`",
            "attempts per row, the first included (`1`: no retries)");
    /** The wait between attempts. */
    public static final ConfigKey<RetryWait> RETRY_WAIT = ConfigKey.of("evals4j.retry.wait", RetryWait.SYNTAX,
            RetryWait::parse, "`" + RetryWait.defaults() + "`",
            "`none`, `fixed:2s` or `exponential:1s..30s` (doubling, with jitter)");
    /** The timeout of one attempt. */
    public static final ConfigKey<Duration> TIMEOUT = ConfigKey.of("evals4j.timeout", Durations.SYNTAX,
            Durations::parse, "`" + Durations.format(AsyncExecutor.DEFAULT_TIMEOUT) + "`",
            "per attempt, in every mode (sequential sync rows included); a timeout is a failed attempt, and cancels"
                    + " the `CompletionStage` the method returned");
    /** The name of the experiment results are recorded under. */
    public static final ConfigKey<String> EXPERIMENT = ConfigKey.of("evals4j.experiment",
            "a name of letters, digits, '.', '_' and '-' (at most 128)",
            s -> Optional.of(s).filter(EXPERIMENT_NAME.asMatchPredicate()), "new per run",
            "name an experiment; running again with the same name resumes it");
    /** The limit group a method's runner shares the provider's rate limit with, or {@code none}. */
    public static final ConfigKey<String> LIMIT_GROUP = ConfigKey.of("evals4j.limitGroup",
            "a name of letters, digits, '.', '_' and '-' (at most 128), or none",
            s -> Optional.of(s).filter(EXPERIMENT_NAME.asMatchPredicate()),
            "the named experiment, otherwise `default`",
            "runners (forks, CI machines) whose store is one database (SQLite file or PostgreSQL) and whose group is"
                    + " the same share one adaptive request rate: a 429 any of them sees lowers it for all (default"
                    + " pacer only); unnamed experiments get a new name per run, hence `default`; `none`: each runner"
                    + " paces alone");
    /** Where results are stored: sqlite, none, or a JDBC URL. */
    public static final ConfigKey<String> STORAGE = ConfigKey.of("evals4j.storage",
            "sqlite, none, or a JDBC URL (jdbc:sqlite:..., jdbc:postgresql:...)", ConfigKeys::parseStorage, "",
            "`sqlite` (`" + slashed(ResultStores.DEFAULT_FILE) + "`), `none` (memory only)"
                    + " or a JDBC URL")
            .withDefault(EngineConfig.DEFAULT_STORAGE, "`" + EngineConfig.DEFAULT_STORAGE + "`");
    /** How many times each row runs. */
    public static final ConfigKey<Integer> REPETITIONS = ConfigKey.of("evals4j.repetitions", POSITIVE_INTEGER,
            ConfigKeys::parsePositiveInt, "", "run each row N times; the summary reports agreement and spread")
            .withDefault(1, "`1`");
    /**
     * Whether the first row that ends with an error (an exception after its attempts, a timeout) stops its
     * method; a failing verdict (false, a failing score, a thrown assertion) is a result and does not stop it.
     */
    public static final ConfigKey<Boolean> STOP_ON_FIRST_ERROR = ConfigKey.of("evals4j.stopOnFirstError", TRUE_OR_FALSE,
            ConfigKeys::parseBoolean, "", "the first row that ends with an error (an exception after its attempts,"
                    + " a timeout) stops the method (reported aborted, naming the row); a failing verdict (`false`, a"
                    + " failing score, a thrown assertion) is a result and does not stop it")
            .withDefault(false, "`false`");
    /** Only the first N rows run. */
    public static final ConfigKey<Long> LIMIT = ConfigKey.of("evals4j.limit", POSITIVE_INTEGER,
            ConfigKeys::parsePositiveLong, "all", "only the first N rows");
    /** The console progress display. */
    public static final ConfigKey<ProgressMode> PROGRESS = enumKey("evals4j.progress", ProgressMode.class,
            "the console progress display").withDefault(ProgressMode.AUTO, "`auto`");
    /** Which rows become tests. */
    public static final ConfigKey<ReportMode> REPORT = enumKey("evals4j.report", ReportMode.class,
            "how many rows become tests (for huge datasets)").withDefault(ReportMode.ROWS, "`rows`");
    /** The directory {@code summary.json} is written to. */
    public static final ConfigKey<Path> REPORT_DIR = ConfigKey.of("evals4j.reportDir", "a directory path",
            ConfigKeys::parsePath, "", "where `summary.json` (every method's aggregates) and the charts are written")
            .withDefault(SummaryFile.DEFAULT_DIRECTORY, "`" + slashed(SummaryFile.DEFAULT_DIRECTORY) + "`");
    /** Whether each method's concurrency chart is drawn. */
    public static final ConfigKey<Boolean> CHARTS = ConfigKey.of("evals4j.charts", TRUE_OR_FALSE,
            ConfigKeys::parseBoolean, "", "draw each method's concurrency chart, `<reportDir>/<Class.method>.png`"
                    + " (calls in flight, the limit, the request rate, retries and 429s over time; drawn headless)")
            .withDefault(true, "`true`");
    /** How long rows in flight may finish, and be recorded, after Ctrl-C or SIGTERM. */
    public static final ConfigKey<Duration> SHUTDOWN_GRACE = ConfigKey.of("evals4j.shutdownGrace", Durations.SYNTAX,
            Durations::parse, "", "how long rows in flight may finish, and be recorded, after Ctrl-C or SIGTERM")
            .withDefault(AsyncExecutor.DEFAULT_SHUTDOWN_GRACE,
                    "`" + Durations.format(AsyncExecutor.DEFAULT_SHUTDOWN_GRACE) + "`");
    /** Re-score the experiment's stored outputs: the names of the scores to add, separated by commas. */
    public static final ConfigKey<String> RESCORE = ConfigKey.of("evals4j.rescore",
            "score names separated by commas", Optional::of, "",
            "re-score the experiment's stored outputs with the named scores, without calling the model")
            .withDefault("", "none");

    /** The name this process goes by when it shares an experiment with other runners. */
    public static final ConfigKey<String> RUNNER = ConfigKey.of("evals4j.runner",
            "a name of letters, digits, '.', '_' and '-' (at most 128)",
            s -> Optional.of(s).filter(EXPERIMENT_NAME.asMatchPredicate()), "`<host>-<pid>-<random>`",
            "the runner's name in a shared experiment: its leases and its runs (`evals4j show`) carry it");
    /** How long a runner's claim on a pair lives without renewal. */
    public static final ConfigKey<Duration> LEASE = ConfigKey.of("evals4j.lease", Durations.SYNTAX,
            Durations::parse, "", "how long a runner's claim on a pair of a shared experiment lives without renewal;"
                    + " a runner renews its claims every third of it, and a crashed runner's pairs are taken over"
                    + " by the others after it")
            .withDefault(Duration.ofSeconds(15), "`15s`");

    /** Which stored rows a resumed experiment runs again. */
    public static final ConfigKey<ResumeRerun> RESUME_RERUN = enumKey("evals4j.resume.rerun", ResumeRerun.class,
            "which stored rows a resumed experiment runs again: rows that ended with an error (the default), or"
                    + " also rows with a failing verdict, which biases accuracy upward (a failing row gets another"
                    + " chance to pass, a passing row never gets one to fail)")
            .withDefault(ResumeRerun.ERRORS, "`errors`");

    /** Failure classifiers asked before the engine's own: class names separated by commas. */
    public static final ConfigKey<List<String>> CLASSIFIERS = ConfigKey.of("evals4j.classifiers",
            "fully qualified class names separated by commas", ConfigKeys::parseClassNames, "",
            "`FailureClassifier` classes (public, with a public no-argument constructor) asked what a failure means"
                    + " (rate-limited, transient, permanent) after a method's own `@ForEach(classifiers)` and before the"
                    + " `ServiceLoader`'s and the built-in ones")
            .withDefault(List.of(), "none");

    /** Every key the engine reads, in the order the documentation lists them. */
    public static final List<ConfigKey<?>> ALL = List.of(CONCURRENT, STRATEGY, MAX_CONCURRENCY, INITIAL_CONCURRENCY,
            MAX_ATTEMPTS, RETRY_WAIT, TIMEOUT, EXPERIMENT, LIMIT_GROUP, STORAGE, REPETITIONS, STOP_ON_FIRST_ERROR, LIMIT,
            PROGRESS, REPORT, REPORT_DIR, CHARTS, SHUTDOWN_GRACE, RESCORE, RESUME_RERUN, CLASSIFIERS, RUNNER, LEASE);

    private ConfigKeys() {}

    /** The names of {@link #ALL}. */
    public static Set<String> names() {
        return ALL.stream().map(ConfigKey::name).collect(Collectors.toUnmodifiableSet());
    }

    /** The configuration section's table of keys, in Markdown, as the README shows it. */
    public static String markdownTable() {
        return "| key | default | meaning |\n| --- | --- | --- |\n" + ALL.stream()
                .map(k -> "| `" + k.name() + "` | " + k.defaultText() + " | " + k.meaning() + " |\n")
                .collect(Collectors.joining());
    }

    /** {@code path} as the documentation writes it, whatever the platform's separator. */
    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String oneOf(List<String> values) {
        return "one of " + String.join(", ", values);
    }

    private static Optional<String> oneOf(List<String> values, String text) {
        return Optional.of(text.toLowerCase(Locale.ROOT)).filter(values::contains);
    }

    private static <E extends Enum<E>> ConfigKey<E> enumKey(String name, Class<E> type, String meaning) {
        List<String> values = Arrays.stream(type.getEnumConstants()).map(v -> v.name().toLowerCase(Locale.ROOT))
                .toList();
        Function<String, Optional<E>> parser =
                s -> oneOf(values, s).map(v -> Enum.valueOf(type, v.toUpperCase(Locale.ROOT)));
        return ConfigKey.of(name, oneOf(values), parser, "",
                values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")) + ": " + meaning);
    }

    private static Optional<Boolean> parseBoolean(String s) {
        return s.equalsIgnoreCase("true") ? Optional.of(true)
                : s.equalsIgnoreCase("false") ? Optional.of(false) : Optional.empty();
    }

    private static Optional<Integer> parsePositiveInt(String s) {
        return parsePositiveLong(s).filter(v -> v <= Integer.MAX_VALUE).map(Long::intValue);
    }

    private static Optional<Long> parsePositiveLong(String s) {
        try {
            return Optional.of(Long.parseLong(s)).filter(v -> v > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> parseStorage(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.equals("sqlite") || lower.equals("none") ? Optional.of(lower)
                : lower.startsWith("jdbc:") && s.length() > "jdbc:".length() ? Optional.of(s) : Optional.empty();
    }

    private static Optional<List<String>> parseClassNames(String s) {
        List<String> names = Arrays.stream(s.split(",", -1)).map(String::strip).toList();
        return names.stream().allMatch(CLASS_NAME.asMatchPredicate()) ? Optional.of(names) : Optional.empty();
    }

    private static Optional<Path> parsePath(String s) {
        try {
            return s.isEmpty() ? Optional.empty() : Optional.of(Path.of(s));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
