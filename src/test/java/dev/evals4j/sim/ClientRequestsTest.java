package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evals4j.execution.RetryAfter;
import dev.evals4j.sim.SimulatorConfig.RateLimitHeader;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated provider accepts what real OpenAI clients send, and names a 429's wait as real providers do. */
@Timeout(60)
class ClientRequestsTest {

    private static final String FULL_REQUEST = "{\"model\":\"gpt-4o-mini\",\"stream\":false,\"temperature\":0.2,"
            + "\"max_tokens\":50,\"n\":1,\"user\":\"u-1\",\"response_format\":{\"type\":\"text\"},"
            + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{}}}],"
            + "\"messages\":[{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"be brief\"}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hello\"},{\"type\":\"text\",\"text\":\"there\"}]}]}";

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> post(SimulatedProvider provider, HttpRequest.BodyPublisher body, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(provider.uri().resolve("/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(body);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChunkedBodyWithEveryFieldClientsSendIsAnsweredInOpenAisExactShape() throws Exception {
        try (SimulatedProvider provider = SimulatedProvider.start(SimulatorConfig.builder().latency(Duration.ZERO)
                .build())) {
            byte[] bytes = FULL_REQUEST.getBytes(StandardCharsets.UTF_8);
            // ofInputStream has no known length: the JDK client sends it chunked.
            HttpResponse<String> response = post(provider,
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)), null);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = mapper.readTree(response.body());
            assertThat(body.path("created").isIntegralNumber()).isTrue();
            JsonNode choice = body.path("choices").path(0);
            assertThat(choice.path("index").asInt()).isZero();
            assertThat(choice.has("logprobs")).isTrue();
            assertThat(choice.path("message").path("content").asText()).isEqualTo("hello\nthere");
            assertThat(choice.path("message").has("refusal")).isTrue();
            assertThat(body.path("usage").path("completion_tokens").asInt()).isPositive();
        }
    }

    @Test
    void aStreamingRequestIsRefusedWithA400NamingTheField() throws Exception {
        try (SimulatedProvider provider = SimulatedProvider.start(SimulatorConfig.builder().build())) {
            HttpResponse<String> response = post(provider, HttpRequest.BodyPublishers.ofString(
                    "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), null);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("'stream': true is not supported");
        }
    }

    @Test
    void aWrongApiKeyIsAnswered401WhenAKeyIsRequired() throws Exception {
        try (SimulatedProvider provider = SimulatedProvider.start(SimulatorConfig.builder().apiKey("sk-right")
                .latency(Duration.ZERO).build())) {
            assertThat(post(provider, HttpRequest.BodyPublishers.ofString(FULL_REQUEST), "sk-wrong").statusCode())
                    .isEqualTo(401);
            assertThat(post(provider, HttpRequest.BodyPublishers.ofString(FULL_REQUEST), null).statusCode())
                    .isEqualTo(401);
            assertThat(post(provider, HttpRequest.BodyPublishers.ofString(FULL_REQUEST), "sk-right").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void a429NamesItsWaitInEachChosenHeader() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().rateLimit(0.1, 1).latency(Duration.ZERO)
                .rateLimitHeaders(RateLimitHeader.RETRY_AFTER_DATE, RateLimitHeader.RESET_REQUESTS).build();
        try (SimulatedProvider provider = SimulatedProvider.start(config)) {
            post(provider, HttpRequest.BodyPublishers.ofString(FULL_REQUEST), null);
            HttpResponse<String> limited = post(provider, HttpRequest.BodyPublishers.ofString(FULL_REQUEST), null);

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("retry-after-ms")).isEmpty();
            assertThat(RetryAfter.parse(limited.headers().firstValue("retry-after").orElseThrow(), Instant.now()))
                    .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(11)));
            assertThat(RetryAfter.resetDuration(limited.headers().firstValue("x-ratelimit-reset-requests").orElseThrow()))
                    .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
        }
    }

    @Test
    void waitsAreWrittenInEachHeadersFormat() {
        assertThat(RateLimitHeaders.resetDuration(120)).isEqualTo("120ms");
        assertThat(RateLimitHeaders.resetDuration(1_000)).isEqualTo("1s");
        assertThat(RateLimitHeaders.resetDuration(1_500)).isEqualTo("1.5s");
        assertThat(RateLimitHeaders.resetDuration(360_000)).isEqualTo("6m0s");
        Instant now = ZonedDateTime.of(2026, 2, 14, 5, 30, 0, 250_000_000, ZoneOffset.UTC).toInstant();
        assertThat(RateLimitHeaders.httpDate(now, 1_000)).isEqualTo("Sat, 14 Feb 2026 05:30:02 GMT");
        assertThat(RateLimitHeaders.seconds(350)).isEqualTo("0.35");
    }
}
