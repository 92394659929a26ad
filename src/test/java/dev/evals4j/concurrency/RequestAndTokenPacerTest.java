package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RequestAndTokenPacerTest {

    private static final long NO_USAGE = -1;

    private final ManualTicker ticker = new ManualTicker();

    /** The default pair's pacer: unpaced until the first rate limit, by requests and by tokens. */
    private RequestAndTokenPacer defaults() {
        return (RequestAndTokenPacer) ConcurrencyStrategies.defaults(100, ticker).pacer();
    }

    /** A token 429 as OpenAI answers it: the limit per minute and the tokens left. */
    private static TokenLimitSignal tokensExhausted(long perMinute, long remaining) {
        return new TokenLimitSignal(OptionalLong.of(perMinute), OptionalLong.of(remaining));
    }

    /** Asks for a permit every millisecond for {@code millis} ms; how many calls of {@code tokens} started. */
    private int startedWithin(RequestPacer pacer, long millis, long tokens) {
        int started = 0;
        for (long i = 0; i < millis; i++) {
            while (pacer.tryAcquire(tokens) == 0) {
                started++;
            }
            ticker.advanceMillis(1);
        }
        return started;
    }

    private static void succeed(RequestPacer pacer, long start, long estimated, long used) {
        pacer.onSuccess(start, estimated, used < 0 ? OptionalLong.empty() : OptionalLong.of(used));
    }

    @Test
    void pacesNothingUntilTheFirstRateLimit() {
        RequestAndTokenPacer pacer = defaults();

        for (int i = 0; i < 1_000; i++) {
            assertThat(pacer.tryAcquire(100_000)).isZero();
        }
        assertThat(pacer.tokensPerSecond()).isInfinite();
        assertThat(pacer.requestsPerSecond()).isInfinite();
    }

    @Test
    void aTokenBoundRateLimitPacesTokensAtAShareOfTheAnnouncedLimitAndLeavesRequestsAlone() {
        RequestAndTokenPacer pacer = defaults();
        long start = ticker.nanoTime();
        assertThat(pacer.tryAcquire(100)).isZero();
        succeed(pacer, start, 100, 100);

        pacer.onRateLimited(start, 100, tokensExhausted(60_000, 40));

        assertThat(pacer.tokensPerSecond()).as("0.95 x 60,000 / 60 s").isCloseTo(950, within(1e-9));
        assertThat(pacer.requestsPerSecond()).as("not a request limit").isInfinite();
        assertThat(pacer.tryAcquire(100)).as("the budget starts empty").isPositive();
        int started = startedWithin(pacer, 10_000, 100);
        assertThat(started).as("calls of 100 tokens in 10 s, never above the announced limit")
                .isBetween(93, 96);
    }

    @Test
    void withoutALimitHeaderTheTokenRateIsAShareOfTheTokensAdmittedLately() {
        RequestAndTokenPacer pacer = defaults();
        for (int i = 0; i < 20; i++) {
            ticker.advanceMillis(50);
            succeed(pacer, ticker.nanoTime(), 100, 100);
        }

        pacer.onRateLimited(ticker.nanoTime(), 100, new TokenLimitSignal(OptionalLong.empty(), OptionalLong.of(0)));

        assertThat(pacer.tokensPerSecond()).as("0.95 x 2,000 tokens in the 0.95 s since the first success")
                .isCloseTo(2_000, within(1e-6));
        assertThat(pacer.requestsPerSecond()).isInfinite();
    }

    @Test
    void learnsTheCostOfACallFromTheUsageItSees() {
        RequestAndTokenPacer pacer = defaults();
        for (int i = 0; i < 20; i++) {
            succeed(pacer, ticker.nanoTime(), 50, 100);
        }
        pacer.onRateLimited(ticker.nanoTime(), 50, tokensExhausted(60_000, 0));

        int started = startedWithin(pacer, 10_000, 50);

        assertThat(started).as("the prompt estimates 50 tokens, the calls use 100: 950 tokens/s pays 9.5 calls/s")
                .isBetween(93, 96);
    }

    @Test
    void withoutUsageTheEstimateIsTheCostAndTheRateIsMeasuredInEstimatesNotTakenFromTheAnnouncedLimit() {
        RequestAndTokenPacer pacer = defaults();
        for (int i = 0; i < 20; i++) {
            ticker.advanceMillis(50);
            succeed(pacer, ticker.nanoTime(), 50, NO_USAGE);
        }

        pacer.onRateLimited(ticker.nanoTime(), 50, tokensExhausted(60_000, 0));

        assertThat(pacer.tokensPerSecond())
                .as("0.95 x 1,000 estimated tokens in the 0.95 s since the first success: the announced 1,000 tokens/s"
                        + " counts completions too, which the estimates leave out")
                .isCloseTo(1_000, within(1e-6));
        assertThat(startedWithin(pacer, 500, 50)).as("1,000 tokens/s pays 20 calls of 50 a second").isBetween(9, 11);
    }

    @Test
    void aRateLimitWithTokensToSpareIsARequestLimit() {
        RequestAndTokenPacer pacer = defaults();
        for (int i = 0; i < 100; i++) {
            ticker.advanceMillis(20);
            succeed(pacer, ticker.nanoTime(), 100, 100);
        }

        pacer.onRateLimited(ticker.nanoTime(), 100, tokensExhausted(60_000, 50_000));

        assertThat(pacer.requestsPerSecond()).as("0.95 x 50 requests/s").isCloseTo(47.5, within(1e-9));
        assertThat(pacer.tokensPerSecond()).isInfinite();
    }

    @Test
    void aRateLimitWithoutTokenHeadersIsARequestLimit() {
        RequestAndTokenPacer pacer = defaults();
        for (int i = 0; i < 100; i++) {
            ticker.advanceMillis(20);
            succeed(pacer, ticker.nanoTime(), 100, 100);
        }

        pacer.onRateLimited(ticker.nanoTime(), 100, TokenLimitSignal.none());

        assertThat(pacer.requestsPerSecond()).isCloseTo(47.5, within(1e-9));
        assertThat(pacer.tokensPerSecond()).isInfinite();
    }

    @Test
    void theAdmissionWaitsForWhicheverBudgetBinds() {
        AdaptiveRateLimiter tenPerSecond = AdaptiveRateLimiter.builder().ticker(ticker).initialRate(10)
                .growthPerSecond(1).build();
        RequestAndTokenPacer pacer = new RequestAndTokenPacer(tenPerSecond, TokenRateLimiter.defaults(ticker));
        succeed(pacer, ticker.nanoTime(), 5, 5);
        pacer.onRateLimited(ticker.nanoTime(), 5, tokensExhausted(6_000, 0));
        assertThat(pacer.tokensPerSecond()).isCloseTo(95, within(1e-9));

        assertThat(startedWithin(pacer, 10_000, 5)).as("19 calls of 5 tokens a second would fit: requests bind")
                .isBetween(99, 101);
        assertThat(startedWithin(pacer, 10_000, 20)).as("only 4.75 calls of 20 tokens a second fit: tokens bind")
                .isBetween(46, 49);
    }

    @Test
    void aTokenLimitForACallStartedBeforeTheLastDecreaseIsIgnored() {
        RequestAndTokenPacer pacer = defaults();
        long before = ticker.nanoTime();
        succeed(pacer, before, 100, 100);
        ticker.advanceMillis(10);
        pacer.onRateLimited(ticker.nanoTime(), 100, tokensExhausted(60_000, 0));

        pacer.onRateLimited(before, 100, tokensExhausted(30_000, 0));

        assertThat(pacer.tokensPerSecond()).isCloseTo(950, within(1e-9));
    }

    @Test
    void theTokenRateGrowsAfterItsCooldownButNeverAboveTheAnnouncedShare() {
        RequestAndTokenPacer pacer = defaults();
        for (int i = 0; i < 20; i++) {
            ticker.advanceMillis(50);
            succeed(pacer, ticker.nanoTime(), 100, 100);
        }
        pacer.onRateLimited(ticker.nanoTime(), 100, new TokenLimitSignal(OptionalLong.empty(), OptionalLong.of(0)));
        ticker.advanceMillis(1_500);
        assertThat(pacer.tokensPerSecond()).as("x1.5 a second after the cooldown").isCloseTo(3_000, within(1e-6));

        ticker.advanceMillis(10);
        pacer.onRateLimited(ticker.nanoTime(), 100, tokensExhausted(120_000, 0));
        ticker.advanceSeconds(10);
        assertThat(pacer.tokensPerSecond()).as("0.95 x 2,000 tokens/s announced").isCloseTo(1_900, within(1e-6));
    }
}
