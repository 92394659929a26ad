package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Paces request starts by requests and by tokens, as providers limit both per minute: a call may start
 * when both budgets allow it, so the admission waits for whichever one binds. The requests are an
 * {@link AdaptiveRateLimiter}; the tokens a {@link TokenRateLimiter} built the same way.
 *
 * <ul>
 *   <li>What a call costs in tokens is learned from the usage the calls report (see
 *       {@link TokenCosts}): the estimate each call comes with (its prompt's length) times the usage
 *       per estimate seen so far; before any usage, the estimate.</li>
 *   <li>The token rate is a share of the tokens per minute a token-bound rate limit announced, once
 *       the calls reported their usage; until then (the estimates leave the completion out), a share of
 *       the estimated tokens admitted over the last second.</li>
 *   <li>A rate limit is bound by tokens when its {@link TokenLimitSignal} says the provider had fewer
 *       tokens left than the call costs; it then paces the tokens and leaves the request rate alone.
 *       Any other rate limit (one whose answer said nothing about tokens included) paces the requests,
 *       so a client that exposes no headers is paced as before.</li>
 * </ul>
 *
 * <p>Thread-safe: every method is {@code synchronized}; it owns its {@link TokenRateLimiter} and its
 * {@link TokenCosts}, and the request pacer guards itself.
 */
@API(status = INTERNAL, since = "0.1")
public final class RequestAndTokenPacer implements RequestPacer {

    private final RequestPacer requests;
    private final TokenRateLimiter tokens;
    private final TokenCosts costs = new TokenCosts();

    /**
     * Paces by {@code requests} (the default's {@link AdaptiveRateLimiter}, or
     * {@link RequestPacer#unlimited()} when something else decides the request rate) and by {@code tokens}.
     */
    RequestAndTokenPacer(RequestPacer requests, TokenRateLimiter tokens) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public long tryAcquire() {
        return tryAcquire(0);
    }

    @Override
    public synchronized long tryAcquire(long estimatedTokens) {
        double cost = costs.cost(estimatedTokens);
        long tokenWait = tokens.waitNanos(cost);
        if (tokenWait > 0) {
            return tokenWait;
        }
        long requestWait = requests.tryAcquire();
        if (requestWait > 0) {
            return requestWait;
        }
        tokens.take(cost);
        return 0;
    }

    @Override
    public void onSuccess(long startNanos) {
        onSuccess(startNanos, 0, OptionalLong.empty());
    }

    @Override
    public synchronized void onSuccess(long startNanos, long estimatedTokens, OptionalLong usedTokens) {
        costs.learn(estimatedTokens, usedTokens.orElse(-1));
        tokens.onSuccess(usedTokens.isPresent() ? usedTokens.getAsLong() : costs.cost(estimatedTokens));
        requests.onSuccess(startNanos);
    }

    @Override
    public void onRateLimited(long startNanos) {
        onRateLimited(startNanos, 0, TokenLimitSignal.none());
    }

    @Override
    public synchronized void onRateLimited(long startNanos, long estimatedTokens, TokenLimitSignal signal) {
        if (signal.exhaustedBy(costs.cost(estimatedTokens))) {
            tokens.onTokenLimited(startNanos, signal, costs.usageSeen());
        } else {
            requests.onRateLimited(startNanos);
        }
    }

    /** The current request rate, in requests per second; infinite while unpaced. */
    @Override
    public synchronized double requestsPerSecond() {
        return requests.requestsPerSecond();
    }

    /** The current token rate, in tokens per second; infinite while unpaced. */
    public synchronized double tokensPerSecond() {
        return tokens.ratePerSecond();
    }

    @Override
    public synchronized String toString() {
        return "RequestAndTokenPacer[" + requests.requestsPerSecond() + " requests/s, " + tokens.ratePerSecond()
                + " tokens/s]";
    }
}
