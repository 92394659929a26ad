package dev.evals4j.execution;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Exceptions shaped like those of HTTP clients evals4j does not depend on. */
final class HttpFailures {

    private HttpFailures() {}

    /** Exposes its status as {@code statusCode()} and its headers as a map (like many SDKs). */
    static final class StatusCodeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient Map<String, List<String>> headers;

        StatusCodeException(int status, Map<String, List<String>> headers) {
            this(status, headers, "HTTP " + status);
        }

        StatusCodeException(int status, Map<String, List<String>> headers, String message) {
            super(message);
            this.status = status;
            this.headers = headers;
        }

        public int statusCode() {
            return status;
        }

        public Map<String, List<String>> headers() {
            return headers;
        }
    }

    /** Exposes its status as {@code getStatusCode()} (Spring/Azure style). */
    static final class GetStatusCodeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        GetStatusCodeException(int status) {
            super("HTTP " + status);
            this.status = status;
        }

        public Integer getStatusCode() {
            return status;
        }
    }

    /** Exposes {@code status()} and a {@code retryAfter()} duration. */
    static final class StatusException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient Duration retryAfter;

        StatusException(int status, Duration retryAfter) {
            super("HTTP " + status);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        public int status() {
            return status;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** Exposes {@code code()}: a number for HTTP status or, in other clients, an error-code string. */
    static final class CodeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Object code;

        CodeException(Object code) {
            super("code " + code);
            this.code = code;
        }

        public Object code() {
            return code;
        }
    }

    /** Named like OpenAI Java's and LangChain4j's rate-limit exceptions; exposes seconds. */
    static final class RateLimitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RateLimitException() {
            super("Rate limit reached for requests");
        }

        public Long getRetryAfter() {
            return 3L;
        }
    }
}
