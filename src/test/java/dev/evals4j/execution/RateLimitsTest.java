package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.api.RateLimitedException;
import dev.evals4j.api.spi.Classification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The built-in recognition of rate limits: every recognised shape, cause chains and Retry-After. */
class RateLimitsTest {

    private static Optional<Classification> rateLimit(Throwable failure) {
        return Optional.of(ClassifierChain.builtIns().classify(failure)).filter(Classification::isRateLimited);
    }

    private static Optional<Duration> retryAfterOf(Throwable failure) {
        return rateLimit(failure).orElseThrow(() -> new AssertionError("not a rate limit: " + failure)).retryAfter();
    }

    @Test
    void ourOwnExceptionWithAndWithoutRetryAfter() {
        assertThat(retryAfterOf(new RateLimitedException("429", Duration.ofSeconds(4), null)))
                .contains(Duration.ofSeconds(4));
        assertThat(retryAfterOf(new RateLimitedException("429"))).isEmpty();
    }

    @Test
    void status429FromReflectiveAccessors() {
        assertThat(retryAfterOf(new HttpFailures.StatusCodeException(429, Map.of()))).isEmpty();
        assertThat(retryAfterOf(new HttpFailures.GetStatusCodeException(429))).isEmpty();
        assertThat(retryAfterOf(new HttpFailures.StatusException(429, Duration.ofMillis(1500))))
                .contains(Duration.ofMillis(1500));
        assertThat(retryAfterOf(new HttpFailures.CodeException(429))).isEmpty();
    }

    @Test
    void otherStatusesAndErrorCodesAreNotRateLimits() {
        assertThat(rateLimit(new HttpFailures.StatusCodeException(503, Map.of()))).isEmpty();
        assertThat(rateLimit(new HttpFailures.CodeException("rate_limit_exceeded"))).isEmpty();
        assertThat(rateLimit(new IOException("connection reset"))).isEmpty();
        assertThat(rateLimit(new AssertionError("429"))).isEmpty();
    }

    @Test
    void classNamesOfKnownClientsWithTheirRetryAfterSeconds() {
        assertThat(retryAfterOf(new HttpFailures.RateLimitException())).contains(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterFromHeaderMaps() {
        assertThat(retryAfterOf(new HttpFailures.StatusCodeException(429, Map.of("Retry-After", List.of("12")))))
                .contains(Duration.ofSeconds(12));
        assertThat(retryAfterOf(new HttpFailures.StatusCodeException(429,
                Map.of("retry-after-ms", List.of("250"), "retry-after", List.of("1"))))).contains(Duration.ofMillis(250));
    }

    @Test
    void aWrappedJdkHttpResponseWithStatus429AndItsRetryAfterHeader() {
        HttpResponseException failure = new HttpResponseException(new FakeResponse(429, Map.of("Retry-After", List.of("5"))));

        assertThat(retryAfterOf(failure)).contains(Duration.ofSeconds(5));
        assertThat(rateLimit(new HttpResponseException(new FakeResponse(500, Map.of())))).isEmpty();
    }

    @Test
    void theWaitAnOpenAiStyleMessageAsksForWhenNoHeaderSaysIt() {
        assertThat(retryAfterOf(new HttpFailures.StatusCodeException(429, Map.of(),
                "Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3. Please try again in 20s.")))
                .contains(Duration.ofSeconds(20));
        assertThat(retryAfterOf(new HttpFailures.StatusCodeException(429, Map.of(), "Please try again in 1.898s.")))
                .contains(Duration.ofMillis(1898));
        assertThat(retryAfterOf(new HttpFailures.StatusCodeException(429, Map.of(), "please try again in 6ms")))
                .contains(Duration.ofMillis(6));
        assertThat(retryAfterOf(new HttpFailures.StatusCodeException(429, Map.of(), "Please try again in 7m12s.")))
                .contains(Duration.ofSeconds(432));
        assertThat(retryAfterOf(new HttpFailures.StatusCodeException(429, Map.of("retry-after", List.of("3")),
                "Please try again in 20s."))).as("a header wins").contains(Duration.ofSeconds(3));
        assertThat(retryAfterOf(new HttpFailures.StatusCodeException(429, Map.of(), "Please try again later.")))
                .isEmpty();
        assertThat(retryAfterOf(new HttpFailures.StatusCodeException(429, Map.of(), "try again in 5 minutes")))
                .isEmpty();
    }

    @Test
    void walksTheCauseChain() {
        Throwable wrapped = new CompletionException(new ExecutionException(
                new RuntimeException("client failed", new RateLimitedException("429", Duration.ofSeconds(2), null))));

        assertThat(retryAfterOf(wrapped)).contains(Duration.ofSeconds(2));
    }

    @Test
    void cyclicCauseChainsEnd() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(rateLimit(a)).isEmpty();
    }

    @Test
    void parsesRetryAfterSecondsAndHttpDates() {
        Instant now = ZonedDateTime.of(2026, 2, 14, 5, 30, 0, 0, ZoneOffset.UTC).toInstant();

        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("0.5", now)).contains(Duration.ofMillis(500));
        assertThat(RetryAfter.parse("Sat, 14 Feb 2026 05:30:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sat, 14 Feb 2026 05:29:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("-3", now)).isEmpty();
    }

    @Test
    void parsesOpenAisResetDurations() {
        assertThat(RetryAfter.resetDuration("1s")).contains(Duration.ofSeconds(1));
        assertThat(RetryAfter.resetDuration("6m0s")).contains(Duration.ofMinutes(6));
        assertThat(RetryAfter.resetDuration("120ms")).contains(Duration.ofMillis(120));
        assertThat(RetryAfter.resetDuration("1.5s")).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.resetDuration("1h2m3s")).contains(Duration.ofSeconds(3723));
        assertThat(RetryAfter.resetDuration("soon")).isEmpty();
        assertThat(RetryAfter.resetDuration("5")).isEmpty();
        assertThat(RetryAfter.resetDuration("1s later")).isEmpty();
    }

    @Test
    void retryAfterMsComesFirstThenRetryAfterThenTheResetOfRequests() {
        assertThat(retryAfterOf(new HttpFailures.StatusCodeException(429,
                Map.of("x-ratelimit-reset-requests", List.of("6m0s"))))).contains(Duration.ofMinutes(6));
        assertThat(retryAfterOf(new HttpFailures.StatusCodeException(429,
                Map.of("x-ratelimit-reset-requests", List.of("6m0s"), "Retry-After", List.of("2")))))
                .contains(Duration.ofSeconds(2));
    }

    /** An exception that carries the JDK client's response, as a thin client would throw. */
    static final class HttpResponseException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient HttpResponse<String> response;

        HttpResponseException(HttpResponse<String> response) {
            super("HTTP " + response.statusCode());
            this.response = response;
        }

        public HttpResponse<String> response() {
            return response;
        }
    }

    private record FakeResponse(int statusCode, Map<String, List<String>> headerMap) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(uri()).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(headerMap, (name, value) -> true);
        }

        @Override
        public String body() {
            return "";
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return URI.create("http://localhost/v1/chat/completions");
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
