package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evals4j.concurrency.ManualTicker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated provider's tokens-per-minute limit, driven by a manual ticker. */
@Timeout(60)
class TokenLimitTest {

    /** 200 characters: 50 prompt tokens, and 50 completion tokens more when it is echoed. */
    private static final String PROMPT = "x".repeat(200);

    private final List<SimulatedProvider> providers = new ArrayList<>();
    private final ManualTicker ticker = new ManualTicker();

    @AfterEach
    void closeProviders() {
        providers.forEach(SimulatedProvider::close);
    }

    @Test
    void chargesPromptAndCompletionTokensAndAnswers429WithOpenAisTokenHeaders() throws Exception {
        // 6,000 tokens a minute = 100 a second, in a bucket of 120: one 100-token call fits.
        SimulatedProvider provider = start(SimulatorConfig.builder().latency(Duration.ZERO).tokenLimit(6_000, 120).build());

        HttpResponse<String> admitted = post(provider, PROMPT);
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(admitted.headers().firstValue("x-ratelimit-limit-tokens")).contains("6000");
        assertThat(admitted.headers().firstValue("x-ratelimit-remaining-tokens")).contains("20");
        assertThat(admitted.headers().firstValue("x-ratelimit-reset-tokens")).contains("1s");

        HttpResponse<String> rejected = post(provider, PROMPT);
        assertThat(rejected.statusCode()).isEqualTo(429);
        assertThat(rejected.headers().firstValue("retry-after")).as("80 missing tokens at 100/s").contains("0.8");
        assertThat(rejected.headers().firstValue("retry-after-ms")).contains("800");
        assertThat(rejected.headers().firstValue("x-ratelimit-remaining-tokens")).contains("20");
        assertThat(rejected.headers().firstValue("x-ratelimit-reset-tokens")).contains("1s");
        assertThat(new ObjectMapper().readTree(rejected.body()).path("error").path("type").asText()).isEqualTo("tokens");

        ticker.advance(Duration.ofMillis(800));
        assertThat(post(provider, PROMPT).statusCode()).isEqualTo(200);
        assertThat(provider.stats().rejected()).isEqualTo(1);
    }

    @Test
    void theRequestLimitStillAppliesAndAnswersWithoutTokenHeadersWhenNoTokenLimitIsSet() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder().latency(Duration.ZERO).rateLimit(1, 1).build());

        assertThat(post(provider, PROMPT).headers().firstValue("x-ratelimit-remaining-tokens")).isEmpty();
        HttpResponse<String> rejected = post(provider, PROMPT);
        assertThat(rejected.statusCode()).isEqualTo(429);
        assertThat(new ObjectMapper().readTree(rejected.body()).path("error").path("type").asText()).isEqualTo("requests");
    }

    @Test
    void aRequestCostingMoreThanTheBurstIsAClientError() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder().latency(Duration.ZERO).tokenLimit(6_000, 120).build());

        HttpResponse<String> tooLarge = post(provider, "y".repeat(400));

        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("200 tokens", "burst of 120");
    }

    @Test
    void theClientExposesTheUsageOfAnAnswerAndTheTokenHeadersOfA429() throws Exception {
        SimulatedProvider provider = start(SimulatorConfig.builder().latency(Duration.ZERO).tokenLimit(6_000, 120).build());
        SimClient client = SimClient.builder().baseUrl(provider.baseUrl()).build();

        SimClient.Completion completion = client.chat(PROMPT);
        assertThat(completion.content()).isEqualTo(PROMPT);
        assertThat(completion.usage()).contains(new SimClient.Usage(50, 50, 100));
        assertThat(completion.totalTokens()).isEqualTo(100);
        assertThat(client.chatAsync("hi").join().usage()).contains(new SimClient.Usage(1, 1, 2));

        assertThatThrownBy(() -> client.chat(PROMPT)).isInstanceOfSatisfying(ProviderRateLimitException.class,
                limited -> assertThat(limited.headers()).containsKeys("x-ratelimit-remaining-tokens",
                        "x-ratelimit-reset-tokens", "x-ratelimit-limit-tokens"));
    }

    @Test
    void aTokenLimitMustBePositive() {
        assertThatThrownBy(() -> SimulatorConfig.builder().tokenLimit(0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokensPerMinute must be positive, got 0");
        assertThatThrownBy(() -> SimulatorConfig.builder().tokenLimit(60, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token burst must be at least 1, got 0");
    }

    private SimulatedProvider start(SimulatorConfig config) {
        SimulatedProvider provider = SimulatedProvider.start(config, ticker);
        providers.add(provider);
        return provider;
    }

    private static HttpResponse<String> post(SimulatedProvider provider, String prompt) throws Exception {
        URI endpoint = provider.uri().resolve("/v1/chat/completions");
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
