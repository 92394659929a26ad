package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.engine.fixtures.ClientSuites;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import dev.evals4j.sim.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The same 200-row eval written with LangChain4j, the OpenAI Java SDK and Spring AI, run through the
 * Launcher against a provider that admits 20 requests/s (burst 2), answers above it with 429 and a
 * {@code Retry-After} of at least a second, and fails 3% of the calls with 500. The makespan runs from
 * the first row's start to the last row's end. With the settings the
 * README recommends, every row passes, the makespan is at most 1.25 × N / R, at most 15% of the calls
 * are rejected and no call comes before its row's {@code Retry-After}; with the client's defaults (its
 * own retries on) every row still passes within 1.35 × N / R. Each run's figures are appended to
 * {@code target/client-acceptance.txt}.
 *
 * <p>Each measured run follows a warm-up run of {@value #WARM_UP_ROWS} rows of the same suite against a
 * provider without limits, in the same JVM: a client's first calls load and compile its HTTP and JSON
 * stack (Spring AI's first call takes 2–6 s on two busy cores), a cost of the JVM and the client, not
 * of how the engine paces a provider, and one that a ten-second ideal would otherwise make the
 * figure's largest term.
 */
@Tag("acceptance")
class ClientAcceptanceTest {

    private static final int ROWS = 200;
    private static final int WARM_UP_ROWS = 20;
    private static final double RATE = 20;
    private static final double IDEAL_SECONDS = ROWS / RATE;
    private static final Path FIGURES = Path.of("target", "client-acceptance.txt");

    private SimulatedProvider provider;

    /** What one run measured. */
    record Figures(String suite, long passed, long failed, double makespanRatio, double rejectedShare, long earlyCalls,
            String firstFailure) {
        @Override
        public String toString() {
            return String.format("%-24s passed %d, failed %d, makespan / (N/R) %.2f, rejected %.1f%%, early calls %d%s",
                    suite, passed, failed, makespanRatio, 100 * rejectedShare, earlyCalls,
                    firstFailure.isEmpty() ? "" : "; first failure: " + firstFailure);
        }
    }

    /**
     * The makespan: from the first row's start to the last row's end, as the engine thread reports them
     * (the client's construction and class loading excluded). Called on the engine thread only.
     */
    static final class RowSpan implements TestExecutionListener {
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                first = Math.min(first, System.nanoTime());
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                last = Math.max(last, System.nanoTime());
            }
        }

        double seconds() {
            return last < first ? 0 : (last - first) / 1e9;
        }
    }

    @BeforeEach
    void startProvider() {
        ClientSuites.rows = ROWS;
        provider = SimulatedProvider.start(SimulatorConfig.builder()
                .latency(Duration.ofMillis(50), 0.3)
                .rateLimit(RATE, 2)
                .minRetryAfter(Duration.ofSeconds(1))
                .errorRate(0.03)
                .build());
        ClientSuites.baseUrl = provider.baseUrl();
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @Test
    void langChain4jWithItsRetriesOff() throws IOException {
        assertRecommended(run(ClientSuites.LangChain4jRecommended.class));
    }

    @Test
    void langChain4jWithItsDefaults() throws IOException {
        assertDefaults(run(ClientSuites.LangChain4jDefaults.class));
    }

    @Test
    void openAiJavaWithItsRetriesOff() throws IOException {
        assertRecommended(run(ClientSuites.OpenAiJavaRecommended.class));
    }

    @Test
    void openAiJavaWithItsDefaults() throws IOException {
        assertDefaults(run(ClientSuites.OpenAiJavaDefaults.class));
    }

    @Test
    void springAiWithItsRetriesOff() throws IOException {
        assertRecommended(run(ClientSuites.SpringAiRecommended.class));
    }

    @Test
    void springAiWithItsDefaults() throws IOException {
        assertDefaults(run(ClientSuites.SpringAiDefaults.class));
    }

    private static void assertRecommended(Figures figures) {
        assertThat(figures.passed()).as(figures.toString()).isEqualTo(ROWS);
        assertThat(figures.makespanRatio()).as(figures.toString()).isLessThanOrEqualTo(1.25);
        assertThat(figures.rejectedShare()).as(figures.toString()).isLessThanOrEqualTo(0.15);
        assertThat(figures.earlyCalls()).as(figures.toString()).isZero();
    }

    private static void assertDefaults(Figures figures) {
        assertThat(figures.passed()).as(figures.toString()).isEqualTo(ROWS);
        assertThat(figures.makespanRatio()).as(figures.toString()).isLessThanOrEqualTo(1.35);
    }

    private Figures run(Class<?> suite) throws IOException {
        warmUp(suite);
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        RowSpan span = new RowSpan();
        execute(suite, listener, span);
        double seconds = span.seconds();
        TestExecutionSummary summary = listener.getSummary();
        Stats stats = provider.stats();
        Figures figures = new Figures(suite.getSimpleName(), summary.getTestsSucceededCount(),
                summary.getTestsFailedCount(), seconds / IDEAL_SECONDS,
                stats.received() == 0 ? 0 : (double) stats.rejected() / stats.received(), stats.earlyCalls(),
                summary.getFailures().stream().findFirst().map(failure -> failure.getException().toString()).orElse(""));
        Files.createDirectories(FIGURES.getParent());
        Files.writeString(FIGURES, figures + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return figures;
    }

    /** Runs {@value #WARM_UP_ROWS} rows of {@code suite} against a provider without limits. */
    private static void warmUp(Class<?> suite) {
        String measured = ClientSuites.baseUrl;
        try (SimulatedProvider unlimited = SimulatedProvider.start(SimulatorConfig.builder()
                .latency(Duration.ofMillis(50), 0.3).build())) {
            ClientSuites.baseUrl = unlimited.baseUrl();
            ClientSuites.rows = WARM_UP_ROWS;
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            execute(suite, listener);
            assertThat(listener.getSummary().getTestsSucceededCount()).as("warm-up rows passed").isEqualTo(WARM_UP_ROWS);
        } finally {
            ClientSuites.baseUrl = measured;
            ClientSuites.rows = ROWS;
        }
    }

    private static void execute(Class<?> suite, TestExecutionListener... listeners) {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(suite))
                .filters(EngineFilter.includeEngines(EvalsTestEngine.ENGINE_ID))
                .configurationParameter("concurrent", "true")
                .configurationParameter("evals4j.progress", "off")
                .configurationParameter("evals4j.storage", "none")
                .build(), listeners);
    }
}
