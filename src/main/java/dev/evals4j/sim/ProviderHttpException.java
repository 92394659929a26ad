package dev.evals4j.sim;

import java.io.IOException;

/**
 * A provider answered a chat request with a status other than {@code 2xx}.
 *
 * <p>It is an {@link IOException} so that a retry policy that retries I/O errors retries it, and it
 * exposes {@link #statusCode()} so that a classifier can tell retryable statuses ({@code 5xx},
 * {@code 408}, {@code 429}) from client errors that a retry cannot fix ({@code 400}, {@code 401},
 * {@code 404}, ...). {@link #isRetryable()} applies that rule. Rate limits are the subclass
 * {@link ProviderRateLimitException}. The message names the status and the endpoint and quotes the
 * start of the response body; it never contains the API key.
 */
class ProviderHttpException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /**
     * Creates the exception.
     *
     * @param statusCode the HTTP status of the answer
     * @param message what happened, with the endpoint and an excerpt of the body
     */
    public ProviderHttpException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    /** The HTTP status of the answer. */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Whether repeating the same request may succeed: server errors ({@code 5xx}), request timeouts
     * ({@code 408}) and rate limits ({@code 429}); not other client errors.
     */
    public boolean isRetryable() {
        return statusCode >= 500 || statusCode == 408 || statusCode == 429;
    }
}
