package dev.evals4j.execution;

import dev.evals4j.api.RateLimitedException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The classifier of {@link RateLimitClassifier#defaults()}. Stateless. */
enum DefaultRateLimitClassifier implements RateLimitClassifier {
    INSTANCE;

    private static final int TOO_MANY_REQUESTS = 429;

    @Override
    public Optional<RateLimit> classify(Throwable failure) {
        for (Throwable t : HttpSignals.causeChain(failure)) {
            if (isRateLimit(t)) {
                return Optional.of(new RateLimit(retryAfter(t)));
            }
        }
        return Optional.empty();
    }

    private static boolean isRateLimit(Throwable t) {
        if (t instanceof RateLimitedException) {
            return true;
        }
        if (HttpSignals.status(t).orElse(0) == TOO_MANY_REQUESTS) {
            return true;
        }
        String name = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return name.contains("ratelimit") || name.contains("toomanyrequests");
    }

    private static Optional<Duration> retryAfter(Throwable t) {
        if (t instanceof RateLimitedException limited && limited.retryAfter().isPresent()) {
            return limited.retryAfter();
        }
        return HttpSignals.retryAfter(t);
    }
}
