package dev.evals4j.sim;

import dev.evals4j.concurrency.ManualTicker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the provider on loopback and talks to it with {@link SimClient} and a raw {@link HttpClient}. */
@Timeout(60)
class SimulatedProviderTest {

    private final List<SimulatedProvider> providers = new ArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void closeProviders() {
        providers.forEach(SimulatedProvider::close);
    }

    @Test
    void echoesThePromptInAnOpenAiShapedCompletion() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder().latency(Duration.ZERO).build());

        HttpResponse<String> response = post(provider.uri().resolve("/v1/chat/completions"),
                "{\"model\":\"m1\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                        + "{\"role\":\"user\",\"content\":\"hello there\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.path("id").asText()).startsWith("chatcmpl-");
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("model").asText()).isEqualTo("m1");
        assertThat(body.path("choices").path(0).path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEqualTo("hello there");
        assertThat(body.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isPositive();
        assertThat(body.path("usage").path("total_tokens").asInt())
                .isEqualTo(body.path("usage").path("prompt_tokens").asInt()
                        + body.path("usage").path("completion_tokens").asInt());
        assertThat(provider.baseUrl()).isEqualTo("http://127.0.0.1:" + provider.port() + "/v1");
    }

    @Test
    void answersFromTheOracleAndArithmeticTheSameWayOnEveryRun() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder()
                .latency(Duration.ZERO)
                .oracle(Map.of("Capital of France?", "Paris"))
                .accuracy(0.5)
                .build();
        List<String> prompts = List.of("Capital of France?", "What is 7 * 6?", "What is 12 + 30?", "What is 50 - 8?");

        List<String> first = askAll(client(start(config)), prompts);
        List<String> second = askAll(client(start(config)), prompts);

        assertThat(first).isEqualTo(second);
        SimClient perfect = client(start(SimulatorConfig.builder().latency(Duration.ZERO)
                .oracle(Map.of("Capital of France?", "Paris")).build()));
        assertThat(askAll(perfect, prompts)).containsExactly("Paris", "42", "42", "42");
    }

    @Test
    void rejectsAboveTheRateWith429AndARetryAfterTheClientReads() throws Exception {
        ManualTicker ticker = new ManualTicker();
        SimulatedProvider provider = start(SimulatorConfig.builder().latency(Duration.ZERO).rateLimit(2, 3).build(),
                ticker);
        SimClient client = client(provider);

        List<Object> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(outcome(client, "row " + i));
        }

        assertThat(outcomes.subList(0, 3)).containsExactly("row 0", "row 1", "row 2");
        assertThat(outcomes.subList(3, 5)).allSatisfy(failure -> {
            assertThat(failure).isInstanceOf(ProviderRateLimitException.class);
            ProviderRateLimitException rateLimited = (ProviderRateLimitException) failure;
            assertThat(rateLimited.statusCode()).isEqualTo(429);
            assertThat(rateLimited.retryAfter()).contains(Duration.ofMillis(500));
            assertThat(rateLimited.getMessage()).contains("429", "rate_limit_exceeded");
        });
        HttpResponse<String> raw = post(provider.uri().resolve("/v1/chat/completions"),
                "{\"messages\":[{\"role\":\"user\",\"content\":\"raw\"}]}");
        assertThat(raw.statusCode()).isEqualTo(429);
        assertThat(raw.headers().firstValue("retry-after")).contains("0.5");
        assertThat(raw.headers().firstValue("retry-after-ms")).contains("500");
        assertThat(mapper.readTree(raw.body()).path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");

        ticker.advance(Duration.ofMillis(500));
        assertThat(client.complete("row 3")).isEqualTo("row 3");
        Stats stats = provider.stats();
        assertThat(stats.received()).isEqualTo(7);
        assertThat(stats.completed()).isEqualTo(4);
        assertThat(stats.rejected()).isEqualTo(3);
        assertThat(stats.callsByPrompt()).containsEntry("row 3", 1).doesNotContainKey("row 4");
        assertThat(stats.requestsByPrompt()).containsEntry("row 3", 2).containsEntry("row 4", 1);
    }

    @Test
    void aShiftingScheduleChangesTheAcceptedRate() throws Exception {
        ManualTicker ticker = new ManualTicker();
        RateLimit dropsThenRecovers = RateLimit.of(10, 5)
                .withStep(Duration.ofSeconds(10), 2)
                .withStep(Duration.ofSeconds(20), 10);
        SimulatedProvider provider = start(
                SimulatorConfig.builder().latency(Duration.ZERO).rateLimit(dropsThenRecovers).build(), ticker);
        SimClient client = client(provider);

        assertThat(acceptedOf(client, 10)).as("the burst").isEqualTo(5);
        ticker.advance(Duration.ofMillis(9_500));
        assertThat(acceptedOf(client, 10)).as("refilled at 10/s").isEqualTo(5);
        ticker.advance(Duration.ofMillis(1_500));
        assertThat(acceptedOf(client, 10)).as("0.5 s at 10/s + 1 s at 2/s").isEqualTo(5);
        ticker.advance(Duration.ofSeconds(1));
        assertThat(acceptedOf(client, 10)).as("1 s at 2/s").isEqualTo(2);
        ticker.advance(Duration.ofSeconds(9));
        assertThat(acceptedOf(client, 10)).as("recovered: 8 s at 2/s + 1 s at 10/s, capped at the burst").isEqualTo(5);
        ticker.advance(Duration.ofMillis(300));
        assertThat(acceptedOf(client, 10)).as("0.3 s at 10/s").isEqualTo(3);
    }

    @Test
    void latencyGrowsWhenMoreThanCapacityRequestsAreInFlight() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder()
                .latency(Duration.ofMillis(300))
                .capacity(4)
                .build());
        SimClient client = client(provider);

        double atCapacity = meanLatencyMillis(client, 4);
        double atFourTimesCapacity = meanLatencyMillis(client, 16);

        assertThat(provider.stats().maxInFlight()).isGreaterThan(4);
        assertThat(atFourTimesCapacity).isGreaterThan(1.4 * atCapacity);
    }

    @Test
    void manyConcurrentRequestsEachGetTheirOwnLatencyInParallel() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder().latency(Duration.ofMillis(500)).build());
        SimClient client = client(provider);
        long start = System.nanoTime();

        List<CompletableFuture<String>> replies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            replies.add(client.completeAsync("parallel " + i));
        }
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get();

        Duration makespan = Duration.ofNanos(System.nanoTime() - start);
        assertThat(makespan).as("200 × 500 ms served concurrently, not one after another")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(provider.stats().completed()).isEqualTo(200);
        assertThat(provider.stats().maxInFlight()).isGreaterThan(20);
        assertThat(provider.stats().callsByPrompt()).hasSize(200).allSatisfy((prompt, calls) -> assertThat(calls).isOne());
    }

    @Test
    void injectsTransientErrorsAtRoughlyTheConfiguredRate() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder()
                .latency(Duration.ZERO)
                .errorRate(0.1)
                .seed(11)
                .build());
        SimClient client = client(provider);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<Object>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                String prompt = "flaky " + i;
                outcomes.add(callers.submit(() -> outcome(client, prompt)));
            }
            int errors = 0;
            for (Future<Object> outcome : outcomes) {
                Object result = outcome.get();
                if (result instanceof ProviderHttpException) {
                    ProviderHttpException failure = (ProviderHttpException) result;
                    assertThat(failure.statusCode()).isIn(500, 503);
                    assertThat(failure.isRetryable()).isTrue();
                    errors++;
                }
            }
            assertThat(errors).isBetween(20, 65);
            Stats stats = provider.stats();
            assertThat(stats.errors()).isEqualTo(errors);
            assertThat(stats.completed()).isEqualTo(400 - errors);
            assertThat(stats.requestsByPrompt()).hasSize(400);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aHangingRequestTimesOutAtTheClientAndHoldsNoSlot() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder().hangRate(1).build());
        SimClient client = SimClient.builder().baseUrl(provider.baseUrl()).requestTimeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> client.complete("never answered")).isInstanceOf(HttpTimeoutException.class);

        Stats stats = provider.stats();
        assertThat(stats.hangs()).isOne();
        assertThat(stats.inFlight()).isZero();
        assertThat(stats.completed()).isZero();
    }

    @Test
    void aHangEndsWithADroppedConnectionAfterTheHangBound() {
        SimulatedProvider provider = start(SimulatorConfig.builder().hangRate(1).maxHang(Duration.ofMillis(200)).build());
        SimClient client = SimClient.builder().baseUrl(provider.baseUrl()).requestTimeout(Duration.ofSeconds(30)).build();

        assertThatThrownBy(() -> client.complete("dropped")).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void closeAnswersPendingRequestsWithAClosedConnectionAndFreesThePort() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder().hangRate(1).build());
        SimClient client = client(provider);
        CompletableFuture<String> hanging = client.completeAsync("pending");
        while (provider.stats().hangs() == 0) { // the request is on its way: poll until it arrived
            Thread.sleep(5);
        }

        provider.close();

        assertThatThrownBy(hanging::join).hasCauseInstanceOf(IOException.class);
        try (ServerSocket rebound = new ServerSocket(provider.port(), 50, InetAddress.getLoopbackAddress())) {
            assertThat(rebound.getLocalPort()).isEqualTo(provider.port());
        }
        assertThatThrownBy(() -> client.complete("after close")).isInstanceOf(IOException.class);
    }

    @Test
    void malformedRequestsAreAnsweredWithClientErrors() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder().latency(Duration.ZERO).build());
        URI endpoint = provider.uri().resolve("/v1/chat/completions");

        assertThat(post(endpoint, "not json").statusCode()).isEqualTo(400);
        assertThat(post(endpoint, "{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}").statusCode())
                .isEqualTo(400);
        assertThat(post(provider.uri().resolve("/v1/embeddings"), "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> get = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("allow")).contains("POST");

        Stats stats = provider.stats();
        assertThat(stats.received()).isEqualTo(4);
        assertThat(stats.badRequests()).isEqualTo(4);
        assertThat(stats.requestsByPrompt()).isEmpty();
    }

    @Test
    void countsEveryCallPerPrompt() throws Exception {
        SimClient client = client(start(SimulatorConfig.builder().latency(Duration.ZERO).build()));
        SimulatedProvider provider = providers.get(0);

        client.complete("a");
        client.complete("a");
        client.complete("b");

        Stats stats = provider.stats();
        assertThat(stats.callsByPrompt()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 2, "b", 1));
        assertThat(stats.requestsByPrompt()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 2, "b", 1));
        assertThat(stats.received()).isEqualTo(3);
        assertThat(stats.completed()).isEqualTo(3);
        assertThat(stats.rejected() + stats.errors() + stats.hangs() + stats.badRequests()).isZero();
        assertThat(stats.maxInFlight()).isOne();
        assertThat(stats.inFlight()).isZero();
    }

    @Test
    void aBusyPortIsReportedWithTheAddress() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            SimulatorConfig config = SimulatorConfig.builder().port(busy.getLocalPort()).build();

            assertThatThrownBy(() -> start(config)).isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + busy.getLocalPort());
        }
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

    private static SimClient client(SimulatedProvider provider) {
        return SimClient.builder().baseUrl(provider.baseUrl()).requestTimeout(Duration.ofSeconds(30)).build();
    }

    private static List<String> askAll(SimClient client, List<String> prompts) throws Exception {
        List<String> replies = new ArrayList<>();
        for (String prompt : prompts) {
            replies.add(client.complete(prompt));
        }
        return replies;
    }

    private static Object outcome(SimClient client, String prompt) throws InterruptedException {
        try {
            return client.complete(prompt);
        } catch (IOException e) {
            return e;
        }
    }

    private static int acceptedOf(SimClient client, int requests) throws InterruptedException {
        int accepted = 0;
        for (int i = 0; i < requests; i++) {
            if (outcome(client, "step " + i) instanceof String) {
                accepted++;
            }
        }
        return accepted;
    }

    private static double meanLatencyMillis(SimClient client, int concurrent) throws Exception {
        List<CompletableFuture<Long>> latencies = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            long start = System.nanoTime();
            latencies.add(client.completeAsync("load " + i).thenApply(reply -> System.nanoTime() - start));
        }
        double total = 0;
        for (CompletableFuture<Long> latency : latencies) {
            total += latency.get() / 1e6;
        }
        return total / concurrent;
    }

    private static HttpResponse<String> post(URI uri, String json) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
