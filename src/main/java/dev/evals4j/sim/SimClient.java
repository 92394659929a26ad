package dev.evals4j.sim;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals4j.execution.RetryAfter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apiguardian.api.API;

/**
 * A minimal OpenAI-compatible chat client: one user message in, the first choice's content out.
 *
 * <p>Failures are typed so that a retry policy can classify them: {@code 429} throws
 * {@link ProviderRateLimitException} (with the wait from {@code retry-after-ms} or {@code Retry-After}),
 * any other non-{@code 2xx} status throws {@link ProviderHttpException} with its status code, a timeout
 * throws {@link java.net.http.HttpTimeoutException}; all are {@link IOException}s. The API key is sent
 * as {@code Authorization: Bearer} and never appears in a message or in {@link #toString()}.
 *
 * <p>Thread-safe: immutable, over a thread-safe {@link HttpClient} (HTTP/1.1, one connection per
 * concurrent request).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SimClient {

    /** The base URL used when the environment names none: a {@link SimulatedProvider} run from its CLI. */
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:" + SimulatorCli.DEFAULT_PORT + "/v1";
    /** The model name used when none is configured. */
    public static final String DEFAULT_MODEL = ChatRequest.DEFAULT_MODEL;

    private static final int EXCERPT_LENGTH = 300;

    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI baseUrl;
    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final Duration requestTimeout;
    private final Clock clock;

    private SimClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.endpoint = URI.create(stripTrailingSlash(baseUrl.toString()) + "/chat/completions");
        this.model = builder.model;
        this.apiKey = builder.apiKey;
        this.requestTimeout = builder.requestTimeout;
        this.clock = builder.clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .build();
    }

    /** A builder with the defaults: {@value #DEFAULT_BASE_URL}, {@value #DEFAULT_MODEL}, no key, 60 s timeout. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the process environment: {@code EVALS4J_MODEL_URL}, else
     * {@code OPENAI_BASE_URL}, else {@value #DEFAULT_BASE_URL}; {@code OPENAI_API_KEY} (optional);
     * {@code EVALS4J_MODEL}, else {@value #DEFAULT_MODEL}.
     *
     * @throws IllegalArgumentException naming the variable if its URL is not an http(s) URL
     */
    public static SimClient fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * A client configured from {@code environment}, read as {@link #fromEnvironment()} describes.
     *
     * @throws IllegalArgumentException naming the variable if its URL is not an http(s) URL
     */
    public static SimClient fromEnvironment(Map<String, String> environment) {
        Builder builder = builder();
        for (String variable : new String[] {"EVALS4J_MODEL_URL", "OPENAI_BASE_URL"}) {
            String url = environment.get(variable);
            if (url != null && !url.isBlank()) {
                try {
                    builder.baseUrl(url.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
                }
                break;
            }
        }
        String key = environment.get("OPENAI_API_KEY");
        if (key != null && !key.isBlank()) {
            builder.apiKey(key.strip());
        }
        String model = environment.get("EVALS4J_MODEL");
        if (model != null && !model.isBlank()) {
            builder.model(model.strip());
        }
        return builder.build();
    }

    /**
     * Sends {@code prompt} as a user message and waits for the reply.
     *
     * @return the content of the first choice
     * @throws ProviderRateLimitException on {@code 429}
     * @throws ProviderHttpException on any other non-{@code 2xx} status
     * @throws java.net.http.HttpTimeoutException when no answer arrives within the request timeout
     * @throws IOException on any other I/O failure or an unreadable answer
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public String complete(String prompt) throws IOException, InterruptedException {
        return chat(prompt).content();
    }

    /**
     * Sends {@code prompt} as a user message and waits for the reply and its token {@code usage}, which an
     * eval reports to the engine ({@code EvalContext.reportTokens}) so that runs are paced by tokens too.
     *
     * @return the content of the first choice and the answer's usage
     * @throws ProviderRateLimitException on {@code 429}
     * @throws ProviderHttpException on any other non-{@code 2xx} status
     * @throws java.net.http.HttpTimeoutException when no answer arrives within the request timeout
     * @throws IOException on any other I/O failure or an unreadable answer
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public Completion chat(String prompt) throws IOException, InterruptedException {
        return read(http.send(request(prompt), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /**
     * Sends {@code prompt} as a user message without blocking.
     *
     * @return a future of the first choice's content; it fails with a {@link CompletionException} whose
     *     cause is one of the exceptions {@link #complete(String)} throws. Cancelling it abandons the
     *     request.
     */
    public CompletableFuture<String> completeAsync(String prompt) {
        CompletableFuture<Completion> completion = chatAsync(prompt);
        CompletableFuture<String> reply = completion.thenApply(Completion::content);
        reply.whenComplete((content, failure) -> {
            if (reply.isCancelled()) {
                completion.cancel(true);
            }
        });
        return reply;
    }

    /**
     * Sends {@code prompt} as a user message without blocking.
     *
     * @return a future of the first choice's content and the answer's usage; it fails as the future of
     *     {@link #completeAsync(String)} does. Cancelling it abandons the request.
     */
    public CompletableFuture<Completion> chatAsync(String prompt) {
        CompletableFuture<HttpResponse<byte[]>> exchange =
                http.sendAsync(request(prompt), HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<Completion> reply = exchange.thenApply(response -> {
            try {
                return read(response);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
        reply.whenComplete((content, failure) -> {
            if (reply.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return reply;
    }

    /** The OpenAI-style base URL, for example {@code http://127.0.0.1:8089/v1}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The model name sent with every request. */
    public String model() {
        return model;
    }

    /** How long a request may take before it fails with a timeout. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Describes the client without its API key. */
    @Override
    public String toString() {
        return "SimClient[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", requestTimeout=" + requestTimeout + "]";
    }

    private HttpRequest request(String prompt) {
        Objects.requireNonNull(prompt, "prompt");
        ObjectNode body = mapper.createObjectNode();
        body.put("model", model);
        ObjectNode message = body.putArray("messages").addObject();
        message.put("role", "user");
        message.put("content", prompt);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body)));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request.build();
    }

    private Completion read(HttpResponse<byte[]> response) throws IOException {
        int status = response.statusCode();
        if (status == ProviderRateLimitException.TOO_MANY_REQUESTS) {
            Duration wait = RetryAfter.fromHeaders(response.headers()::firstValue, clock.instant()).orElse(null);
            throw new ProviderRateLimitException("HTTP 429 (rate limited) from " + endpoint
                    + (wait == null ? "" : ", retry after " + wait.toMillis() + " ms") + ": " + excerpt(response.body()),
                    wait, response.headers().map());
        }
        if (status < 200 || status > 299) {
            throw new ProviderHttpException(status, "HTTP " + status + " from " + endpoint + ": " + excerpt(response.body()));
        }
        JsonNode root;
        try {
            root = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("unreadable answer from " + endpoint + ": " + excerpt(response.body()), e);
        }
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw new IOException("answer from " + endpoint + " has no choices[0].message.content: "
                    + excerpt(response.body()));
        }
        return new Completion(content.asText(), usage(root.path("usage")));
    }

    /** The {@code usage} object of an answer, when it has its three counts. */
    private static Optional<Usage> usage(JsonNode usage) {
        JsonNode prompt = usage.path("prompt_tokens");
        JsonNode completion = usage.path("completion_tokens");
        JsonNode total = usage.path("total_tokens");
        if (!prompt.canConvertToLong() || !completion.canConvertToLong() || !total.canConvertToLong()) {
            return Optional.empty();
        }
        return Optional.of(new Usage(prompt.asLong(), completion.asLong(), total.asLong()));
    }

    /**
     * An answer: the first choice's content and, when the provider sent it, its token {@code usage}.
     *
     * @param content the first choice's content
     * @param usage the tokens the call used, as the answer's {@code usage} says
     */
    public record Completion(String content, Optional<Usage> usage) {

        /** Validates. */
        public Completion {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(usage, "usage");
        }

        /** The tokens the call used ({@code usage.total_tokens}), or {@code 0} when the answer did not say. */
        public long totalTokens() {
            return usage.map(Usage::totalTokens).orElse(0L);
        }
    }

    /**
     * The token counts of an answer's {@code usage}.
     *
     * @param promptTokens {@code prompt_tokens}
     * @param completionTokens {@code completion_tokens}
     * @param totalTokens {@code total_tokens}
     */
    public record Usage(long promptTokens, long completionTokens, long totalTokens) {}

    private String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (apiKey != null) {
            text = text.replace(apiKey, "***");
        }
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH) + "…";
    }

    private byte[] write(ObjectNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a chat request", e);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Builds a {@link SimClient}. Not thread-safe. */
    public static final class Builder {

        private URI baseUrl = URI.create(DEFAULT_BASE_URL);
        private String model = DEFAULT_MODEL;
        private String apiKey;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The OpenAI-style base URL; requests go to {@code <baseUrl>/chat/completions}.
         *
         * @throws IllegalArgumentException if it is not an absolute http(s) URL
         */
        public Builder baseUrl(String baseUrl) {
            URI uri;
            try {
                uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("base URL '" + baseUrl + "' is not a valid URI", e);
            }
            return baseUrl(uri);
        }

        /**
         * The OpenAI-style base URL; requests go to {@code <baseUrl>/chat/completions}.
         *
         * @throws IllegalArgumentException if it is not an absolute http(s) URL
         */
        public Builder baseUrl(URI baseUrl) {
            String scheme = Objects.requireNonNull(baseUrl, "baseUrl").getScheme();
            boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            if (!web || baseUrl.getHost() == null) {
                throw new IllegalArgumentException(
                        "base URL '" + baseUrl + "' must be an absolute http:// or https:// URL, e.g. " + DEFAULT_BASE_URL);
            }
            this.baseUrl = baseUrl;
            return this;
        }

        /** The model name sent with every request. */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** The API key, sent as {@code Authorization: Bearer}; {@code null} sends none. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** How long a request may take before it fails with a timeout (default 60 s). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
            return this;
        }

        /** How long connecting may take (default 10 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
            return this;
        }

        /** The clock that {@code Retry-After} dates are measured against (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds the client. */
        public SimClient build() {
            return new SimClient(this);
        }

        private static Duration requirePositive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + duration);
            }
            return duration;
        }
    }
}
