package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.concurrency.ManualTicker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider counts a request for a prompt that arrives before the {@code Retry-After} its 429 carried. */
class EarlyCallsTest {

    private final ManualTicker ticker = new ManualTicker();
    private final SimulatedProvider provider = SimulatedProvider.start(
            SimulatorConfig.builder().latency(Duration.ZERO).rateLimit(2, 1).build(), ticker);
    private final SimClient client = SimClient.builder().baseUrl(provider.baseUrl())
            .requestTimeout(Duration.ofSeconds(30)).build();

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void aRequestBeforeTheRetryAfterOfItsPromptsLast429IsAnEarlyCall() throws Exception {
        assertThat(client.complete("a")).isEqualTo("a");
        assertRateLimited("a");                                   // Retry-After 0.5 s from now
        assertThat(provider.stats().earlyCalls()).isZero();

        ticker.advance(Duration.ofMillis(250));
        assertRateLimited("a");                                   // 250 ms too soon; announces another 250 ms
        assertThat(provider.stats().earlyCalls()).isOne();

        ticker.advance(Duration.ofMillis(250));
        assertThat(client.complete("a")).isEqualTo("a");          // on time
        assertThat(provider.stats().earlyCalls()).isOne();
    }

    @Test
    void aPromptWithout429sIsNeverEarly() throws Exception {
        assertThat(client.complete("a")).isEqualTo("a");
        assertRateLimited("a");

        assertRateLimited("b");                                   // another row: its first request is not early

        assertThat(provider.stats().earlyCalls()).isZero();
        assertThat(provider.stats().rejected()).isEqualTo(2);
    }

    @Test
    void aLaterRetryAfterDoesNotShortenAnEarlierOne() throws Exception {
        assertThat(client.complete("a")).isEqualTo("a");
        assertRateLimited("a");                                   // not before +500 ms
        ticker.advance(Duration.ofMillis(400));
        assertRateLimited("a");                                   // early; announces 100 ms: +500 ms again

        ticker.advance(Duration.ofMillis(99));
        assertRateLimited("a");                                   // still before both

        assertThat(provider.stats().earlyCalls()).isEqualTo(2);
    }

    private void assertRateLimited(String prompt) {
        assertThatThrownBy(() -> client.complete(prompt)).isInstanceOf(ProviderRateLimitException.class);
    }
}
