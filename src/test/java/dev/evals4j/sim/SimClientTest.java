package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SimClientTest {

    private static final String KEY = "sk-test-Secret123";

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsTheKeyAsBearerButNeverShowsItInMessages() throws Exception {
        AtomicReference<String> authorization = new AtomicReference<>();
        URI base = serve(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}", authorization);
        SimClient client = SimClient.builder().baseUrl(base.toString()).apiKey(KEY).build();

        assertThatThrownBy(() -> client.complete("hi"))
                .isInstanceOfSatisfying(ProviderHttpException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("HTTP 401", base + "/chat/completions", "Incorrect API key")
                            .doesNotContain(KEY);
                });
        assertThat(authorization.get()).isEqualTo("Bearer " + KEY);
        assertThat(client.toString()).doesNotContain(KEY).contains("apiKey=***");
    }

    @Test
    void serverErrorsAreRetryableHttpExceptionsWithABodyExcerpt() throws Exception {
        URI base = serve(502, "x".repeat(5000), new AtomicReference<>());
        SimClient client = SimClient.builder().baseUrl(base).build();

        assertThatThrownBy(() -> client.complete("hi"))
                .isInstanceOfSatisfying(ProviderHttpException.class, e -> {
                    assertThat(e).isNotInstanceOf(ProviderRateLimitException.class);
                    assertThat(e.statusCode()).isEqualTo(502);
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.getMessage()).hasSizeLessThan(500);
                });
    }

    @Test
    void anAnswerWithoutContentIsAnIoError() throws Exception {
        URI base = serve(200, "{\"choices\":[]}", new AtomicReference<>());

        assertThatThrownBy(() -> SimClient.builder().baseUrl(base).build().complete("hi"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("choices[0].message.content");
    }

    @Test
    void completeAsyncFailsWithTheSameTypedCause() throws Exception {
        try (SimulatedProvider provider = SimulatedProvider.start(
                SimulatorConfig.builder().latency(Duration.ZERO).rateLimit(1, 1).build())) {
            SimClient client = SimClient.builder().baseUrl(provider.baseUrl()).build();

            assertThat(client.completeAsync("first").join()).isEqualTo("first");
            assertThatThrownBy(() -> client.completeAsync("second").join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(ProviderRateLimitException.class,
                            e -> assertThat(e.retryAfter()).hasValueSatisfying(
                                    wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1))));
        }
    }

    @Test
    void fromEnvironmentPrefersTheEvals4jUrlAndReadsKeyAndModel() {
        SimClient client = SimClient.fromEnvironment(Map.of(
                "EVALS4J_MODEL_URL", "http://localhost:9000/v1",
                "OPENAI_BASE_URL", "https://api.example.com/v1",
                "OPENAI_API_KEY", KEY,
                "EVALS4J_MODEL", "gpt-test"));

        assertThat(client.baseUrl()).isEqualTo(URI.create("http://localhost:9000/v1"));
        assertThat(client.model()).isEqualTo("gpt-test");
        assertThat(client.toString()).doesNotContain(KEY);
        assertThat(SimClient.fromEnvironment(Map.of("OPENAI_BASE_URL", "https://api.example.com/v1")).baseUrl())
                .isEqualTo(URI.create("https://api.example.com/v1"));
    }

    @Test
    void fromEnvironmentFallsBackToTheLocalSimulator() {
        SimClient client = SimClient.fromEnvironment(Map.of());

        assertThat(client.baseUrl()).isEqualTo(URI.create(SimClient.DEFAULT_BASE_URL));
        assertThat(client.model()).isEqualTo(SimClient.DEFAULT_MODEL);
        assertThat(client.toString()).contains("apiKey=none");
    }

    @Test
    void aBadUrlNamesTheVariableAndTheValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SimClient.fromEnvironment(Map.of("EVALS4J_MODEL_URL", "ftp://host/v1")))
                .withMessageContaining("EVALS4J_MODEL_URL").withMessageContaining("ftp://host/v1");
        assertThatIllegalArgumentException().isThrownBy(() -> SimClient.builder().requestTimeout(Duration.ZERO))
                .withMessageContaining("requestTimeout");
    }

    private URI serve(int status, String body, AtomicReference<String> authorization) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }
}
