package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evals4j.engine.fixtures.RateLimitedEvals;
import dev.evals4j.report.chart.ConcurrencyChart;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each method's concurrency chart and series, from a run against a rate-limited simulated provider. */
class ConcurrencyChartEngineTest {

    @TempDir
    Path reportDir;

    private SimulatedProvider provider;

    @BeforeEach
    void startProvider() {
        provider = SimulatedProvider.start(SimulatorConfig.builder().latency(Duration.ofMillis(20))
                .rateLimit(40, 2).build());
        RateLimitedEvals.baseUrl = provider.baseUrl();
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @Test
    void eachMethodGetsItsChartAndSummaryJsonItsSeriesWithThe429sCounted() throws IOException {
        EngineTestKitSupport.run(Map.of("evals4j.reportDir", reportDir.toString(), "evals4j.concurrency.initial", "8"),
                selectClass(RateLimitedEvals.class)).testEvents().assertStatistics(s -> s.succeeded(20));

        BufferedImage chart = ImageIO.read(reportDir.resolve("RateLimitedEvals.answers.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(ConcurrencyChart.WIDTH);
        assertThat(chart.getHeight()).isEqualTo(ConcurrencyChart.HEIGHT);

        JsonNode method = new ObjectMapper().readTree(reportDir.resolve("summary.json").toFile()).path("methods").get(0);
        JsonNode concurrency = method.path("concurrency");
        Iterable<JsonNode> points = concurrency.path("points");
        assertThat(concurrency.path("intervalSeconds").asDouble()).isEqualTo(0.25);
        assertThat(method.path("rateLimitHits").asLong()).isPositive();
        assertThat(sum(points, "rateLimited")).isEqualTo(method.path("rateLimitHits").asLong());
        assertThat(sum(points, "startedPerSecond") * 0.25).isEqualTo(20 + method.path("rateLimitHits").asLong());
        assertThat(StreamSupport.stream(points.spliterator(), false).mapToInt(p -> p.path("inFlight").asInt()).max())
                .hasValue(method.path("peakConcurrency").asInt());
        assertThat(points).as("the pacer paces after the first 429")
                .anySatisfy(p -> assertThat(p.path("admittedPerSecond").isNumber()).isTrue());
    }

    @Test
    void chartsOffDrawsNoChartButSummaryJsonKeepsTheSeries() throws IOException {
        EngineTestKitSupport.run(Map.of("evals4j.reportDir", reportDir.toString(), "evals4j.charts", "false"),
                selectClass(RateLimitedEvals.class)).testEvents().assertStatistics(s -> s.succeeded(20));

        assertThat(reportDir.resolve("RateLimitedEvals.answers.png")).doesNotExist();
        JsonNode method = new ObjectMapper().readTree(reportDir.resolve("summary.json").toFile()).path("methods").get(0);
        assertThat(method.path("concurrency").path("points")).isNotEmpty();
    }

    private static double sum(Iterable<JsonNode> points, String field) {
        return StreamSupport.stream(points.spliterator(), false).mapToDouble(p -> p.path(field).asDouble()).sum();
    }
}
