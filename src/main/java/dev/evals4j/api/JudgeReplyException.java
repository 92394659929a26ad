package dev.evals4j.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Thrown by a {@link Judge} when the judge model's reply holds no grade it can read. The engine
 * treats it as a transient failure: the row's attempt is retried under the retry policy, and when the
 * attempts run out the row ends as an error with this message, which quotes the reply. A malformed
 * reply is never scored.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class JudgeReplyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reply;

    /**
     * A reply without a readable grade.
     *
     * @param message what was expected, with the reply quoted
     * @param reply the judge model's reply as it came, or {@code null} when there was none
     */
    public JudgeReplyException(String message, String reply) {
        super(message);
        this.reply = reply;
    }

    /** The judge model's reply as it came; {@code null} when it gave none. */
    public String reply() {
        return reply;
    }
}
