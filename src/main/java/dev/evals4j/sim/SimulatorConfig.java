package dev.evals4j.sim;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The behaviour of a {@link SimulatedProvider}. Immutable; build one with {@link #builder()}.
 *
 * @param port the TCP port to listen on, {@code 0} for an ephemeral one
 * @param latencyMedian the median latency of a request served below capacity
 * @param latencySigma the spread of the log-normal latency, {@code 0} for a constant latency
 * @param rateLimit the request-rate limit, answered by {@code 429} when exceeded
 * @param capacity how many requests may be in flight before latency grows in proportion to the load;
 *     {@link Integer#MAX_VALUE} for no capacity limit
 * @param errorRate the probability that an admitted request answers a transient {@code 500}/{@code 503}
 * @param hangRate the probability that an admitted request never answers
 * @param maxHang how long a hanging request holds its connection before the provider drops it
 * @param oracle prompt → correct answer, for answers with a known truth
 * @param accuracy the probability that an oracle or arithmetic answer is correct
 * @param seed the seed of the latency and fault draws
 * @param rateLimitHeaders the headers a {@code 429} names its wait with
 * @param apiKey the key a request must send as {@code Authorization: Bearer <key>} (else {@code 401}), or
 *     {@code null} to accept any request
 * @param tokenLimit the tokens-per-minute limit, answered by {@code 429} when a request's prompt and
 *     completion tokens exceed what its bucket holds
 * @param personality how the server serves requests (see {@link Personality})
 * @param scriptedReplies marker → the replies, in turn, to each prompt that contains the marker (the
 *     last one repeating); asked before the oracle, in the order the markers were added
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SimulatorConfig(
        int port,
        Duration latencyMedian,
        double latencySigma,
        RateLimit rateLimit,
        int capacity,
        double errorRate,
        double hangRate,
        Duration maxHang,
        Map<String, String> oracle,
        double accuracy,
        long seed,
        Set<RateLimitHeader> rateLimitHeaders,
        String apiKey,
        TokenLimit tokenLimit,
        Personality personality,
        Map<String, List<String>> scriptedReplies) {

    /** The largest accepted latency spread: beyond it, the log-normal's tail is no longer plausible. */
    public static final double MAX_SIGMA = 3.0;

    /** Validates every field; messages name the field, the value and what is allowed. */
    public SimulatorConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535] (0 = ephemeral), got " + port);
        }
        Objects.requireNonNull(latencyMedian, "latencyMedian");
        if (latencyMedian.isNegative()) {
            throw new IllegalArgumentException("latencyMedian must not be negative, got " + latencyMedian);
        }
        if (!(latencySigma >= 0 && latencySigma <= MAX_SIGMA)) {
            throw new IllegalArgumentException(
                    "latencySigma must be in [0, " + MAX_SIGMA + "] (0 = constant latency), got " + latencySigma);
        }
        Objects.requireNonNull(rateLimit, "rateLimit");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        requireProbability(errorRate, "errorRate");
        requireProbability(hangRate, "hangRate");
        if (errorRate + hangRate > 1) {
            throw new IllegalArgumentException(
                    "errorRate + hangRate must not exceed 1, got " + errorRate + " + " + hangRate);
        }
        Objects.requireNonNull(maxHang, "maxHang");
        if (maxHang.isNegative() || maxHang.isZero()) {
            throw new IllegalArgumentException("maxHang must be positive, got " + maxHang);
        }
        oracle = Map.copyOf(Objects.requireNonNull(oracle, "oracle"));
        requireProbability(accuracy, "accuracy");
        rateLimitHeaders = Set.copyOf(Objects.requireNonNull(rateLimitHeaders, "rateLimitHeaders"));
        Objects.requireNonNull(tokenLimit, "tokenLimit");
        Objects.requireNonNull(personality, "personality");
        Map<String, List<String>> scripts = new LinkedHashMap<>();
        Objects.requireNonNull(scriptedReplies, "scriptedReplies").forEach((marker, replies) -> {
            if (marker.isBlank()) {
                throw new IllegalArgumentException("a scriptedReplies marker must not be blank");
            }
            if (replies.isEmpty()) {
                throw new IllegalArgumentException(
                        "scriptedReplies for marker '" + marker + "' needs at least one reply");
            }
            scripts.put(marker, List.copyOf(replies));
        });
        scriptedReplies = Collections.unmodifiableMap(scripts);
    }

    /** The headers a rate-limited ({@code 429}) answer can name its wait with. */
    public enum RateLimitHeader {
        /** {@code Retry-After} in seconds, possibly fractional ({@code 0.35}). */
        RETRY_AFTER_SECONDS,
        /** {@code Retry-After} as an HTTP date (whole seconds, rounded up). */
        RETRY_AFTER_DATE,
        /** {@code Retry-After} in whole seconds, rounded up ({@code 1} for a wait of 0.2 s), as most providers send it. */
        RETRY_AFTER_WHOLE_SECONDS,
        /** {@code retry-after-ms}, in milliseconds (OpenAI's). */
        RETRY_AFTER_MS,
        /** {@code x-ratelimit-reset-requests} in OpenAI's format, such as {@code 1s}, {@code 6m0s} or {@code 120ms}. */
        RESET_REQUESTS
    }

    /**
     * How the simulated server behaves beyond its numbers: how it holds a request while it answers and how
     * its {@code 429}s name their wait. Selected with {@link Builder#personality(Personality)}.
     */
    public enum Personality {
        /**
         * evals4j's own simulator: a latency is a timer, so a few threads serve any number of requests, and a
         * {@code 429}'s {@code Retry-After} is the exact, fractional wait for the next token (with
         * {@code retry-after-ms}). Its command line's burst defaults to one second of the rate.
         */
        EVALS4J("evals4j", 0),
        /**
         * Behaves like a typical independent OpenAI-shaped provider: a platform thread per connection that
         * sleeps through the latency, a {@code Retry-After} that is the time to the next token in whole
         * seconds rounded up (the exact wait in {@code retry-after-ms}), and a small burst
         * ({@link #typicalBurst()}: 5).
         */
        TYPICAL_PROVIDER("typical-provider", 5);

        private final String cliName;
        private final int typicalBurst;

        Personality(String cliName, int typicalBurst) {
            this.cliName = cliName;
            this.typicalBurst = typicalBurst;
        }

        /** The name the command line selects this personality with, such as {@code typical-provider}. */
        public String cliName() {
            return cliName;
        }

        /** The burst such a provider usually allows, or {@code 0} when it is one second of its rate. */
        public int typicalBurst() {
            return typicalBurst;
        }

        /** The headers this personality's {@code 429}s carry. */
        Set<RateLimitHeader> rateLimitHeaders() {
            return this == TYPICAL_PROVIDER
                    ? EnumSet.of(RateLimitHeader.RETRY_AFTER_WHOLE_SECONDS, RateLimitHeader.RETRY_AFTER_MS)
                    : EnumSet.of(RateLimitHeader.RETRY_AFTER_SECONDS, RateLimitHeader.RETRY_AFTER_MS);
        }
    }

    /** A builder with the defaults: ephemeral port, constant 50 ms latency, no limits, no faults, echo. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether a capacity limit is configured. */
    public boolean hasCapacityLimit() {
        return capacity != Integer.MAX_VALUE;
    }

    private static void requireProbability(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }

    /** Builds a {@link SimulatorConfig}. Not thread-safe; {@link #build()} validates. */
    public static final class Builder {

        private int port;
        private Duration latencyMedian = Duration.ofMillis(50);
        private double latencySigma;
        private RateLimit rateLimit = RateLimit.unlimited();
        private int capacity = Integer.MAX_VALUE;
        private double errorRate;
        private double hangRate;
        private Duration maxHang = Duration.ofMinutes(10);
        private final Map<String, String> oracle = new LinkedHashMap<>();
        private double accuracy = 1.0;
        private long seed = 42;
        private Set<RateLimitHeader> rateLimitHeaders = Personality.EVALS4J.rateLimitHeaders();
        private String apiKey;
        private TokenLimit tokenLimit = TokenLimit.unlimited();
        private Personality personality = Personality.EVALS4J;
        private final Map<String, List<String>> scriptedReplies = new LinkedHashMap<>();

        private Builder() {
        }

        /** The port to listen on; {@code 0} (the default) picks an ephemeral one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** A constant latency. */
        public Builder latency(Duration constant) {
            return latency(constant, 0);
        }

        /** A log-normal latency with the given median and spread ({@code 0} = constant). */
        public Builder latency(Duration median, double sigma) {
            this.latencyMedian = median;
            this.latencySigma = sigma;
            return this;
        }

        /** A constant rate limit of {@code requestsPerSecond} with a bucket of {@code burst}. */
        public Builder rateLimit(double requestsPerSecond, int burst) {
            this.rateLimit = RateLimit.of(requestsPerSecond, burst);
            return this;
        }

        /** Any rate limit, including one with a schedule. */
        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        /**
         * Adds a step to the schedule of the rate limit set before: from {@code at} after the start, the
         * rate is {@code requestsPerSecond}.
         *
         * @throws IllegalArgumentException if no rate limit was set before
         */
        public Builder rateStep(Duration at, double requestsPerSecond) {
            if (rateLimit.isUnlimited()) {
                throw new IllegalArgumentException("rateStep needs a rate limit: call rateLimit(rate, burst) first");
            }
            this.rateLimit = rateLimit.withStep(at, requestsPerSecond);
            return this;
        }

        /**
         * Every {@code 429} of the rate limit set before announces a {@code Retry-After} of at least
         * {@code minRetryAfter}, as providers that ask for a second or more do, even when their next
         * token is nearer. The rate itself is unchanged.
         *
         * @throws IllegalArgumentException if no rate limit was set before
         */
        public Builder minRetryAfter(Duration minRetryAfter) {
            if (rateLimit.isUnlimited()) {
                throw new IllegalArgumentException("minRetryAfter needs a rate limit: call rateLimit(rate, burst) first");
            }
            this.rateLimit = rateLimit.withMinRetryAfter(minRetryAfter);
            return this;
        }

        /** Latency grows in proportion to the load once more than {@code capacity} requests are in flight. */
        public Builder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        /** The probability of a transient {@code 500}/{@code 503} answer. */
        public Builder errorRate(double errorRate) {
            this.errorRate = errorRate;
            return this;
        }

        /** The probability that a request never answers. */
        public Builder hangRate(double hangRate) {
            this.hangRate = hangRate;
            return this;
        }

        /** How long a hanging request is held before its connection is dropped (default 10 minutes). */
        public Builder maxHang(Duration maxHang) {
            this.maxHang = maxHang;
            return this;
        }

        /** Adds known answers: prompt → correct answer. */
        public Builder oracle(Map<String, String> answers) {
            this.oracle.putAll(answers);
            return this;
        }

        /** The probability that an oracle or arithmetic answer is correct (default 1). */
        public Builder accuracy(double accuracy) {
            this.accuracy = accuracy;
            return this;
        }

        /** The seed of the latency and fault draws (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The headers a {@code 429} names its wait with (default {@code Retry-After} in seconds and
         * {@code retry-after-ms}); none sends a {@code 429} without a wait.
         */
        public Builder rateLimitHeaders(RateLimitHeader... headers) {
            this.rateLimitHeaders = headers.length == 0 ? EnumSet.noneOf(RateLimitHeader.class)
                    : EnumSet.copyOf(List.of(headers));
            return this;
        }

        /** Requests must send {@code Authorization: Bearer <apiKey>}; any other is answered {@code 401}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /**
         * A tokens-per-minute limit: each admitted request is charged its prompt and completion tokens
         * (four characters a token, as its {@code usage} reports them) from a bucket of {@code burst}
         * tokens that refills at {@code tokensPerMinute / 60} a second. A request the bucket cannot pay is
         * answered {@code 429} with the wait until it could; one costing more than {@code burst} is
         * answered {@code 400}. Every answer then carries {@code x-ratelimit-limit-tokens},
         * {@code x-ratelimit-remaining-tokens} and {@code x-ratelimit-reset-tokens}, as OpenAI's do.
         *
         * @throws IllegalArgumentException if {@code tokensPerMinute} or {@code burst} is not positive
         */
        public Builder tokenLimit(long tokensPerMinute, int burst) {
            this.tokenLimit = new TokenLimit(tokensPerMinute, burst);
            return this;
        }

        /**
         * How the server behaves (default {@link Personality#EVALS4J}); also sets the rate-limit headers to the
         * personality's, so call {@link #rateLimitHeaders} after this to send others. The burst stays the
         * one given to {@link #rateLimit(double, int)}.
         */
        public Builder personality(Personality personality) {
            this.personality = Objects.requireNonNull(personality, "personality");
            this.rateLimitHeaders = personality.rateLimitHeaders();
            return this;
        }

        /**
         * Scripts the replies to every prompt that contains {@code marker}: a prompt's first answered
         * request gets the first reply, its second request the second, and so on, the last reply repeating.
         * Each distinct prompt counts its own turns. Scripted prompts are answered before the oracle and
         * arithmetic; when a prompt holds several markers, the one added first wins. For tests of a judge
         * model, for instance: a malformed grade, then a good one.
         *
         * @throws IllegalArgumentException (at {@link #build()}) if the marker is blank or no reply is given
         */
        public Builder scriptedReplies(String marker, String... replies) {
            this.scriptedReplies.put(Objects.requireNonNull(marker, "marker"), List.of(replies));
            return this;
        }

        /** Validates and builds the configuration. */
        public SimulatorConfig build() {
            return new SimulatorConfig(port, latencyMedian, latencySigma, rateLimit, capacity, errorRate,
                    hangRate, maxHang, oracle, accuracy, seed, rateLimitHeaders, apiKey, tokenLimit, personality,
                    scriptedReplies);
        }
    }
}
