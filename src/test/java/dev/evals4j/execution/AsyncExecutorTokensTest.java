package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.concurrency.RequestPacer;
import dev.evals4j.concurrency.TokenLimitSignal;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the executor tells its pacer the tokens of each call. */
@Timeout(30)
class AsyncExecutorTokensTest {

    /** Inputs are prompts; the estimate is a token per character, the usage the output's length. */
    private static final TokenMeter<String, String> METER = new TokenMeter<>() {
        @Override
        public long estimate(String input) {
            return input.length();
        }

        @Override
        public OptionalLong used(String output) {
            return OptionalLong.of(output.length());
        }
    };

    @Test
    void thePacerGetsEachCallsEstimateItsUsageAndTheTokenHeadersOfA429() {
        TokenPacer pacer = new TokenPacer();
        AsyncExecutor<String, String> executor = AsyncExecutor.<String, String>forSync((prompt, attempt) -> {
            if (attempt.number() == 1) {
                throw new RuntimeException("wrapped", new HttpFailures.StatusCodeException(429, Map.of(
                        "Retry-After", List.of("0"),
                        "x-ratelimit-limit-tokens", List.of("6000"),
                        "x-ratelimit-remaining-tokens", List.of("12"),
                        "x-ratelimit-reset-tokens", List.of("1.5s"))));
            }
            return prompt + prompt;
        }).pacer(pacer).tokens(METER).retryPolicy(RetryPolicy.noRetries()).build();

        executor.run(List.of("four"));

        assertThat(pacer.events).containsExactly(
                "acquire 4",
                "rate-limited 4 " + new TokenLimitSignal(OptionalLong.of(6000), OptionalLong.of(12)),
                "acquire 4",
                "success 4 used OptionalLong[8]");
    }

    @Test
    void withoutAMeterCallsCarryNoTokensAndA429WithoutHeadersSaysNothingAboutThem() {
        TokenPacer pacer = new TokenPacer();
        AsyncExecutor<String, String> executor = AsyncExecutor.<String, String>forSync((prompt, attempt) -> {
            if (attempt.number() == 1) {
                throw new HttpFailures.StatusCodeException(429, Map.of("Retry-After", List.of("0")));
            }
            return prompt;
        }).pacer(pacer).retryPolicy(RetryPolicy.noRetries()).build();

        executor.run(List.of("four"));

        assertThat(pacer.events).containsExactly("acquire 0", "rate-limited 0 " + TokenLimitSignal.none(),
                "acquire 0", "success 0 used OptionalLong.empty");
    }

    /** Records the token-aware calls the executor makes. */
    private static final class TokenPacer implements RequestPacer {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public long tryAcquire() {
            throw new AssertionError("the executor asks with the estimate");
        }

        @Override
        public long tryAcquire(long estimatedTokens) {
            events.add("acquire " + estimatedTokens);
            return 0;
        }

        @Override
        public void onSuccess(long startNanos) {
            throw new AssertionError("the executor reports the tokens");
        }

        @Override
        public void onSuccess(long startNanos, long estimatedTokens, OptionalLong usedTokens) {
            events.add("success " + estimatedTokens + " used " + usedTokens);
        }

        @Override
        public void onRateLimited(long startNanos) {
            throw new AssertionError("the executor reports the token signal");
        }

        @Override
        public void onRateLimited(long startNanos, long estimatedTokens, TokenLimitSignal tokens) {
            events.add("rate-limited " + estimatedTokens + " " + tokens);
        }
    }
}
