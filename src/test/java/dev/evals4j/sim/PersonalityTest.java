package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evals4j.concurrency.ManualTicker;
import dev.evals4j.sim.SimulatorConfig.Personality;
import dev.evals4j.sim.SimulatorConfig.RateLimitHeader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The typical-provider personality, and the stats endpoint a provider in another process is read through. */
@Timeout(60)
class PersonalityTest {

    private final List<SimulatedProvider> providers = new ArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void closeProviders() {
        providers.forEach(SimulatedProvider::close);
    }

    @Test
    void theDefaultPersonalityIsEvals4jsOwn() {
        SimulatorConfig config = SimulatorConfig.builder().build();

        assertThat(config.personality()).isEqualTo(Personality.EVALS4J);
        assertThat(config.rateLimitHeaders())
                .containsExactlyInAnyOrder(RateLimitHeader.RETRY_AFTER_SECONDS, RateLimitHeader.RETRY_AFTER_MS);
    }

    @Test
    void theTypicalProviderNamesItsWaitInWholeSecondsRoundedUpAndInExactMilliseconds() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder().latency(Duration.ZERO)
                .personality(Personality.TYPICAL_PROVIDER).rateLimit(2, 1).build(), new ManualTicker());

        HttpResponse<String> admitted = post(provider, "first");
        HttpResponse<String> rejected = post(provider, "second");

        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(rejected.statusCode()).isEqualTo(429);
        assertThat(rejected.headers().firstValue("retry-after")).contains("1");
        assertThat(rejected.headers().firstValue("retry-after-ms")).contains("500");
    }

    @Test
    void wholeSecondsRoundUp() {
        assertThat(RateLimitHeaders.wholeSeconds(1)).isEqualTo("1");
        assertThat(RateLimitHeaders.wholeSeconds(1_000)).isEqualTo("1");
        assertThat(RateLimitHeaders.wholeSeconds(1_001)).isEqualTo("2");
    }

    @Test
    void theTypicalProviderHasASmallBurst() {
        assertThat(Personality.TYPICAL_PROVIDER.typicalBurst()).isEqualTo(5);
        assertThat(SimulatorCli.parse("--personality", "typical-provider", "--rate", "40").rateLimit().burst())
                .isEqualTo(5);
        assertThat(SimulatorCli.parse("--rate", "40").rateLimit().burst()).isEqualTo(40);
    }

    @Test
    void theCommandLineSelectsThePersonalityByName() {
        SimulatorConfig config = SimulatorCli.parse("--personality", "typical-provider");

        assertThat(config.personality()).isEqualTo(Personality.TYPICAL_PROVIDER);
        assertThat(config.rateLimitHeaders())
                .containsExactlyInAnyOrder(RateLimitHeader.RETRY_AFTER_WHOLE_SECONDS, RateLimitHeader.RETRY_AFTER_MS);
        assertThat(SimulatorCli.parse("--personality=evals4j").personality()).isEqualTo(Personality.EVALS4J);
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorCli.parse("--personality", "openai"))
                .withMessage("--personality: 'openai' is not one of evals4j, typical-provider");
    }

    @Test
    void connectionThreadsAreOnePlatformThreadPerConcurrentRequest() throws Exception {
        ExecutorService threads = WorkerThreads.newConnectionThreads();
        try {
            int requests = 3;
            CountDownLatch allRunning = new CountDownLatch(requests);
            CountDownLatch release = new CountDownLatch(1);
            Set<Thread> seen = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < requests; i++) {
                threads.execute(() -> {
                    seen.add(Thread.currentThread());
                    allRunning.countDown();
                    await(release);
                });
            }

            assertThat(allRunning.await(10, TimeUnit.SECONDS)).as("every request got a thread at once").isTrue();
            release.countDown();
            assertThat(seen).hasSize(requests).allSatisfy(thread -> {
                assertThat(thread.getName()).startsWith("evals4j-sim-connection-");
                assertThat(thread.isDaemon()).isTrue();
            });
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theTypicalProviderServesConcurrentRequestsWithTheirLatency() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder().latency(Duration.ofMillis(200))
                .personality(Personality.TYPICAL_PROVIDER).build());
        SimClient client = SimClient.builder().baseUrl(provider.baseUrl()).requestTimeout(Duration.ofSeconds(30))
                .build();
        long start = System.nanoTime();

        List<CompletableFuture<String>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replies.add(client.completeAsync("parallel " + i));
        }
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("at least one latency")
                .isGreaterThanOrEqualTo(Duration.ofMillis(200))
                .as("20 x 200 ms served concurrently, not one after another").isLessThan(Duration.ofSeconds(4));
        assertThat(provider.stats().completed()).isEqualTo(20);
        assertThat(provider.stats().inFlight()).isZero();
    }

    @Test
    void theStatsEndpointAnswersTheCountersAsJson() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder().latency(Duration.ZERO).rateLimit(1, 1).build(),
                new ManualTicker());
        post(provider, "a");
        post(provider, "b");

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(provider.uri().resolve(SimulatedProvider.STATS_PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        Stats stats = mapper.readValue(response.body(), Stats.class);
        assertThat(stats).isEqualTo(provider.stats());
        assertThat(stats.received()).as("reading the stats is not a request").isEqualTo(2);
        assertThat(stats.rejected()).isEqualTo(1);
        assertThat(stats.callsByPrompt()).containsEntry("a", 1);
    }

    private SimulatedProvider start(SimulatorConfig config) {
        SimulatedProvider provider = SimulatedProvider.start(config);
        providers.add(provider);
        return provider;
    }

    private SimulatedProvider start(SimulatorConfig config, ManualTicker ticker) {
        SimulatedProvider provider = SimulatedProvider.start(config, ticker);
        providers.add(provider);
        return provider;
    }

    private static HttpResponse<String> post(SimulatedProvider provider, String prompt) throws Exception {
        URI uri = provider.uri().resolve("/v1/chat/completions");
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
