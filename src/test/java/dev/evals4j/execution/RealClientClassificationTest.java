package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.api.spi.Classification;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import dev.evals4j.sim.SimulatorConfig.RateLimitHeader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The built-in classifiers against a real LLM client's real exceptions, from real HTTP exchanges with the
 * simulated provider on loopback (the client's own retries off): each subclass makes one call with its
 * client. A rate-limited call follows a first one that used the only token of a bucket refilling at 0.1/s,
 * so the provider asks for a wait of at most 10 s: more than half of it however slow the first call was.
 */
abstract class RealClientClassificationTest {

    private static final Duration ASKED_WAIT = Duration.ofSeconds(10);
    private static final String API_KEY = "sk-test";

    /**
     * What one call of the client ends with.
     *
     * @param baseUrl the provider's OpenAI-style base URL, ending in {@code /v1}
     * @param timeout the client's read timeout
     * @param userMessage whether the call sends a user message (else only a system message, which the
     *     simulated provider answers {@code 400})
     * @return the exception the client threw, or empty when the call succeeded
     */
    abstract Optional<Throwable> call(String baseUrl, String apiKey, Duration timeout, boolean userMessage);

    private Classification classified(String baseUrl, String apiKey, Duration timeout, boolean userMessage) {
        Throwable failure = call(baseUrl, apiKey, timeout, userMessage)
                .orElseThrow(() -> new AssertionError("the call succeeded"));
        return ClassifierChain.builtIns().classify(failure);
    }

    private Classification rateLimitedWith(RateLimitHeader header) {
        SimulatorConfig config = SimulatorConfig.builder().rateLimit(0.1, 1).rateLimitHeaders(header).apiKey(API_KEY)
                .build();
        try (SimulatedProvider provider = SimulatedProvider.start(config)) {
            assertThat(call(provider.baseUrl(), API_KEY, Duration.ofSeconds(10), true))
                    .as("the first call, which the bucket admits").isEmpty();
            return classified(provider.baseUrl(), API_KEY, Duration.ofSeconds(10), true);
        }
    }

    /**
     * Every client's rate limit carries the wait: from the response's headers where the exception keeps
     * them (openai-java), else from the body's "Please try again in 10s." that the message copies
     * (LangChain4j, Spring AI).
     */
    private void assertRateLimited(Classification classification, Duration atMost) {
        assertThat(classification.kind()).isEqualTo(Classification.Kind.RATE_LIMITED);
        assertThat(classification.retryAfter()).hasValueSatisfying(wait -> assertThat(wait)
                .isGreaterThan(ASKED_WAIT.dividedBy(2)).isLessThanOrEqualTo(atMost));
    }

    @Test
    void a429WithRetryAfterSecondsIsARateLimitWithThatWait() {
        assertRateLimited(rateLimitedWith(RateLimitHeader.RETRY_AFTER_SECONDS), ASKED_WAIT.plusMillis(100));
    }

    @Test
    void a429WithAnHttpDateIsARateLimitWithThatWait() {
        assertRateLimited(rateLimitedWith(RateLimitHeader.RETRY_AFTER_DATE), ASKED_WAIT.plusMillis(1_100));
    }

    @Test
    void a429WithRetryAfterMsIsARateLimitWithThatWait() {
        assertRateLimited(rateLimitedWith(RateLimitHeader.RETRY_AFTER_MS), ASKED_WAIT.plusMillis(100));
    }

    @Test
    void a429WithXRateLimitResetRequestsIsARateLimitWithThatWait() {
        assertRateLimited(rateLimitedWith(RateLimitHeader.RESET_REQUESTS), ASKED_WAIT.plusMillis(100));
    }

    @Test
    void serverErrors500And503AreTransient() {
        SimulatorConfig config = SimulatorConfig.builder().errorRate(1).latency(Duration.ZERO).build();
        try (SimulatedProvider provider = SimulatedProvider.start(config)) {
            for (int call = 0; call < 6; call++) {
                assertThat(classified(provider.baseUrl(), API_KEY, Duration.ofSeconds(10), true))
                        .isEqualTo(Classification.transientError());
            }
        }
    }

    @Test
    void aConnectionResetIsTransient() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> acceptAndClose(server), "accept-and-close");
            closer.setDaemon(true);
            closer.start();
            String baseUrl = "http://127.0.0.1:" + server.getLocalPort() + "/v1";

            assertThat(classified(baseUrl, API_KEY, Duration.ofSeconds(10), true))
                    .isEqualTo(Classification.transientError());
        }
    }

    @Test
    void aReadTimeoutIsTransient() {
        SimulatorConfig config = SimulatorConfig.builder().latency(Duration.ofSeconds(30)).build();
        try (SimulatedProvider provider = SimulatedProvider.start(config)) {
            assertThat(classified(provider.baseUrl(), API_KEY, Duration.ofMillis(300), true))
                    .isEqualTo(Classification.transientError());
        }
    }

    @Test
    void a401And400ArePermanent() {
        SimulatorConfig config = SimulatorConfig.builder().apiKey(API_KEY).build();
        try (SimulatedProvider provider = SimulatedProvider.start(config)) {
            assertThat(classified(provider.baseUrl(), "sk-wrong", Duration.ofSeconds(10), true))
                    .as("401").isEqualTo(Classification.permanent());
            assertThat(classified(provider.baseUrl(), API_KEY, Duration.ofSeconds(10), false))
                    .as("400").isEqualTo(Classification.permanent());
        }
    }

    private static void acceptAndClose(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoLinger(true, 0); // a reset, not an orderly close
            } catch (IOException closed) {
                return;
            }
        }
    }
}
