package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The state of one running method, for the progress display.
 *
 * @param method the method's display name
 * @param done rows finished so far
 * @param total rows expected, or {@code -1} when unknown (a streamed dataset)
 * @param inFlight rows running now
 * @param retries retries so far
 * @param rateLimitHits attempts rejected by a rate limit so far
 * @param elapsedNanos time since the method started
 */
@API(status = INTERNAL, since = "0.1")
public record ProgressSnapshot(String method, long done, long total, int inFlight, long retries, long rateLimitHits,
        long elapsedNanos) {

    /** Validates. */
    public ProgressSnapshot {
        Objects.requireNonNull(method, "method");
    }

    /** Finished rows per second so far. */
    public double rate() {
        return elapsedNanos <= 0 ? 0 : done / (elapsedNanos / 1e9);
    }

    /** The one-line text of this snapshot, such as {@code solves: 120/500 rows, 8.1 rows/s, 10 in flight, 3 retries, 0 429s}. */
    public String render() {
        String count = total < 0 ? done + " rows" : done + "/" + total + " rows";
        return String.format(Locale.ROOT, "%s: %s, %.1f rows/s, %d in flight, %d retries, %d 429s",
                method, count, rate(), inFlight, retries, rateLimitHits);
    }
}
