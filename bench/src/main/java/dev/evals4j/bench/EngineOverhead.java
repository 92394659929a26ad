package dev.evals4j.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.engine.EvalsTestEngine;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The engine-overhead scenario: {@value #ROWS} no-op rows through the Launcher in this JVM, as evals4j's
 * {@link OverheadEvals} with the SQLite store, the way users run it ({@code concurrent=true}) once
 * with every row reported as a test and once with {@code evals4j.report=summary}, and for reference one
 * row at a time ({@code concurrent=false}) with {@code report=summary}; and as Jupiter's {@link
 * OverheadJupiterTests} ({@code @ParameterizedTest}, every row a test, one at a time). Every measured
 * configuration runs once with {@value #WARM_UP_ROWS} rows first, unreported, so that each is measured with
 * its code compiled, not while the JIT compiles it.
 *
 * <p>The time is the Launcher's, discovery included, up to the end of the test plan. Heap after GC is
 * read before a run and when its test plan finished (from a listener, while the
 * Launcher still holds the plan), so the difference is what the run keeps per row. Only the measured engine
 * is registered and no listener is picked up implicitly. Not thread-safe: one run at a time.
 */
public final class EngineOverhead {

    /** The rows of a measured run, unless {@value #ROWS_PROPERTY} names another count. */
    public static final int ROWS = 100_000;
    /** The system property (or, in upper case with underscores, the environment variable) of a smaller count, for iterating. */
    public static final String ROWS_PROPERTY = "bench.overheadRows";
    private static final String ROWS_VARIABLE = "BENCH_OVERHEAD_ROWS";

    private static final int WARM_UP_ROWS = 20_000;
    private static final String CONCURRENT = "concurrent";
    private static final String SEQUENTIAL = "sequential";
    private static final int GC_ROUNDS = 3;

    private final Path directory;
    private int runs;

    /** Runs whose SQLite files and {@code summary.json} go under {@code directory}. */
    public EngineOverhead(Path directory) {
        this.directory = directory;
    }

    /**
     * The rows of a measured run: {@value #ROWS_PROPERTY} (or {@code BENCH_OVERHEAD_ROWS}) when set, else {@value #ROWS}.
     *
     * @throws IllegalArgumentException naming the property and its value when it is not a positive number
     */
    public static int rows() {
        String value = System.getProperty(ROWS_PROPERTY, System.getenv(ROWS_VARIABLE));
        if (value == null || value.isBlank()) {
            return ROWS;
        }
        try {
            int rows = Integer.parseInt(value.trim().replace("_", ""));
            if (rows > 0) {
                return rows;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(ROWS_PROPERTY + " (or " + ROWS_VARIABLE + ") '" + value
                + "' is not a positive number of rows, e.g. 20000");
    }

    /**
     * Warms up, then measures evals4j (concurrent with rows and with summary, sequential with summary) and
     * Jupiter on {@code rows} rows each.
     */
    public List<OverheadResult> measure(int rows) throws Exception {
        Files.createDirectories(directory);
        evals4j(CONCURRENT, "rows", WARM_UP_ROWS);
        evals4j(CONCURRENT, "summary", WARM_UP_ROWS);
        evals4j(SEQUENTIAL, "summary", WARM_UP_ROWS);
        jupiter(WARM_UP_ROWS);
        List<OverheadResult> results = new ArrayList<>();
        results.add(evals4j(CONCURRENT, "rows", rows));
        results.add(evals4j(CONCURRENT, "summary", rows));
        results.add(evals4j(SEQUENTIAL, "summary", rows));
        results.add(jupiter(rows));
        return results;
    }

    private OverheadResult evals4j(String execution, String report, int rows) throws Exception {
        Path store = directory.resolve("overhead-" + (++runs) + ".db");
        Files.deleteIfExists(store);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(OverheadEvals.class))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("evals4j.storage", "jdbc:sqlite:" + store.toAbsolutePath())
                .configurationParameter("evals4j.report", report)
                .configurationParameter("concurrent", Boolean.toString(execution.equals(CONCURRENT)))
                .configurationParameter("evals4j.progress", "off")
                .configurationParameter("evals4j.reportDir", directory.resolve("evals4j").toString())
                .build();
        return run("evals4j", execution, report, rows, new EvalsTestEngine(), request);
    }

    private OverheadResult jupiter(int rows) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(OverheadJupiterTests.class))
                .enableImplicitConfigurationParameters(false)
                .build();
        return run("jupiter", SEQUENTIAL, "rows", rows, new JupiterTestEngine(), request);
    }

    private static OverheadResult run(String runner, String execution, String report, int rows, TestEngine engine,
            LauncherDiscoveryRequest request) {
        OverheadRows.set(rows);
        long heapBefore = heapAfterGc();
        AtomicLong heapAfter = new AtomicLong();
        AtomicLong end = new AtomicLong();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener heapAtEnd = new TestExecutionListener() {
            @Override
            public void testPlanExecutionFinished(TestPlan testPlan) {
                end.set(System.nanoTime());
                heapAfter.set(heapAfterGc());
            }
        };
        long start = System.nanoTime();
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestEngineAutoRegistration(false)
                        .enableTestExecutionListenerAutoRegistration(false)
                        .enableLauncherSessionListenerAutoRegistration(false)
                        .enableLauncherDiscoveryListenerAutoRegistration(false)
                        .enablePostDiscoveryFilterAutoRegistration(false)
                        .addTestEngines(engine)
                        .build())
                .execute(request, summary, heapAtEnd);
        double seconds = (end.get() - start) / 1e9;
        long failures = summary.getSummary().getTotalFailureCount();
        if (failures > 0) {
            throw new IllegalStateException(runner + " (" + execution + ", report=" + report + ") failed " + failures
                    + " tests of the no-op overhead run: " + summary.getSummary().getFailures());
        }
        return new OverheadResult(runner, execution, report, rows, seconds, heapBefore, heapAfter.get());
    }

    private static long heapAfterGc() {
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
