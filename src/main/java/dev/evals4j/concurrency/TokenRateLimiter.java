package dev.evals4j.concurrency;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Paces the tokens of request starts by a provider's tokens-per-minute limit, learned from the rate
 * limits that were bound by tokens: the token side of {@link RequestAndTokenPacer}, built like
 * {@link AdaptiveRateLimiter}.
 *
 * <ul>
 *   <li>Unpaced until the first token-bound rate limit.</li>
 *   <li>A token-bound rate limit sets the rate to a share (such as 0.95) of the limit the provider
 *       announced ({@code x-ratelimit-limit-tokens} / 60 s), which also becomes the ceiling the rate
 *       never grows past, once the costs are the provider's tokens (learned from usage); without an
 *       announcement or without usage, to that share of the tokens admitted over the last
 *       second (from the calls' usage); without either, provisionally to half the tokens started over
 *       the last second, growing twice as fast until a measured decrease; once paced, without either,
 *       it halves. The budget then starts empty, and a rate limit of a call started before the last
 *       decrease is ignored: it was sent under the old rate.</li>
 *   <li>After a cooldown the rate grows by a factor per second, up to the ceiling.</li>
 *   <li>A call may start when the budget holds its cost, or the budget's capacity
 *       ({@value #BURST_SECONDS} s of the rate) for a call that costs more; the budget may go into debt,
 *       which later calls wait off.</li>
 *   <li>After {@link AdaptiveRateLimiter#DEFAULT_IDLE_RESET} without a start everything returns to the
 *       initial state.</li>
 * </ul>
 *
 * <p>Not thread-safe: its owner ({@link RequestAndTokenPacer}) guards it.
 */
final class TokenRateLimiter {

    /** The budget's capacity, in seconds of the rate. */
    static final double BURST_SECONDS = 0.1;
    /** The lowest rate, in tokens per second. */
    static final double MIN_RATE = 1;

    private static final double DECREASE_FACTOR = 0.5;
    private static final double SECONDS_PER_MINUTE = 60;
    private static final double NANOS_PER_SECOND = 1e9;

    private final Ticker ticker;
    private final double share;
    private final long cooldownNanos;
    private final double growthPerSecond;
    private final long idleResetNanos = AdaptiveRateLimiter.DEFAULT_IDLE_RESET.toNanos();
    private final TokenWindow admitted = new TokenWindow();
    private final TokenWindow started = new TokenWindow();

    private double rate;
    private double ceiling;
    private double balance;
    private long lastRefill;
    private long growingSince;
    private long lastStart;
    private long lastDecrease;
    private boolean decreased;
    private boolean provisional;

    TokenRateLimiter(Ticker ticker, double share, Duration cooldown, double growthPerSecond) {
        this.ticker = ticker;
        this.share = share;
        this.cooldownNanos = cooldown.toNanos();
        this.growthPerSecond = growthPerSecond;
        reset(ticker.nanoTime());
    }

    /** The token side of {@link ConcurrencyStrategies#defaults}: the same share, cooldown and growth as its requests. */
    static TokenRateLimiter defaults(Ticker ticker) {
        return new TokenRateLimiter(ticker, ConcurrencyStrategies.DEFAULT_ADMITTED_RATE_SHARE,
                ConcurrencyStrategies.DEFAULT_PACER_COOLDOWN, ConcurrencyStrategies.DEFAULT_PACER_GROWTH_PER_SECOND);
    }

    /** Nanoseconds until a call of {@code cost} tokens may start; {@code 0} if it may start now. Takes nothing. */
    long waitNanos(double cost) {
        long now = ticker.nanoTime();
        if (now - lastStart >= idleResetNanos) {
            reset(now);
        }
        advance(now);
        if (Double.isInfinite(rate) || cost <= 0) {
            return 0;
        }
        double needed = Math.min(cost, capacity());
        return balance >= needed ? 0 : Math.max(1, (long) Math.ceil((needed - balance) / rate * NANOS_PER_SECOND));
    }

    /** Charges a call of {@code cost} tokens that starts now. */
    void take(double cost) {
        long now = ticker.nanoTime();
        lastStart = now;
        advance(now);
        if (!Double.isInfinite(rate)) {
            balance -= cost;
        }
        started.record(now, cost);
    }

    /** A call ended successfully, having used {@code tokens}. */
    void onSuccess(double tokens) {
        long now = ticker.nanoTime();
        admitted.record(now, tokens);
        advance(now);
    }

    /**
     * A call that started at {@code startNanos} was rejected for want of tokens, as {@code signal} says.
     *
     * @param inProviderTokens whether the costs charged are the provider's tokens (learned from usage), so
     *     that the limit the provider announced applies to them; estimates alone leave the completion out
     */
    void onTokenLimited(long startNanos, TokenLimitSignal signal, boolean inProviderTokens) {
        long now = ticker.nanoTime();
        if (decreased && startNanos < lastDecrease) {
            return;
        }
        advance(now);
        OptionalDouble measured = admitted.perSecond(now);
        if (inProviderTokens && signal.limitPerMinute().isPresent()) {
            ceiling = Math.max(MIN_RATE, share * signal.limitPerMinute().getAsLong() / SECONDS_PER_MINUTE);
            rate = ceiling;
            provisional = false;
        } else if (measured.isPresent()) {
            rate = share * Math.min(rate, measured.getAsDouble());
            provisional = false;
        } else if (Double.isInfinite(rate)) {
            rate = DECREASE_FACTOR * started.lastSecond(now);
            provisional = true;
        } else {
            rate = rate * DECREASE_FACTOR;
        }
        rate = Math.min(ceiling, Math.max(MIN_RATE, rate));
        balance = 0;
        decreased = true;
        lastDecrease = now;
        growingSince = provisional ? now : now + cooldownNanos;
    }

    /** The current rate in tokens per second; infinite while unpaced. */
    double ratePerSecond() {
        advance(ticker.nanoTime());
        return rate;
    }

    private double capacity() {
        return rate * BURST_SECONDS;
    }

    /** Refills the budget at the rate in force so far, then grows the rate for the clean time since. */
    private void advance(long now) {
        if (!Double.isInfinite(rate)) {
            balance = Math.min(capacity(), balance + (now - lastRefill) / NANOS_PER_SECOND * rate);
        }
        lastRefill = now;
        if (now > growingSince && !Double.isInfinite(rate)) {
            double seconds = (now - growingSince) / NANOS_PER_SECOND;
            double growth = provisional ? growthPerSecond * growthPerSecond : growthPerSecond;
            rate = Math.min(ceiling, rate * Math.pow(growth, seconds));
            growingSince = now;
        }
    }

    private void reset(long now) {
        rate = Double.POSITIVE_INFINITY;
        ceiling = Double.POSITIVE_INFINITY;
        admitted.clear();
        started.clear();
        balance = 0;
        lastRefill = now;
        growingSince = now;
        lastStart = now;
        decreased = false;
        provisional = false;
    }
}
