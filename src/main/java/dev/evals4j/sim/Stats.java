package dev.evals4j.sim;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A snapshot of what a {@link SimulatedProvider} has seen since it started. Immutable.
 *
 * <p>Every request reaching the endpoint is {@code received}; it then ends as exactly one of
 * {@code badRequests} (malformed, wrong method or path), {@code rejected} ({@code 429}),
 * {@code errors} (injected {@code 5xx}), {@code hangs}, {@code completed} ({@code 200}), or is still
 * {@code inFlight}.
 *
 * @param received every request that reached the endpoint
 * @param completed requests answered {@code 200}
 * @param rejected requests answered {@code 429} by the rate limit
 * @param errors requests answered with an injected {@code 500} or {@code 503}
 * @param hangs requests that were chosen to hang
 * @param badRequests requests answered {@code 400}, {@code 404} or {@code 405}
 * @param inFlight admitted requests whose answer is still pending (hangs excluded)
 * @param maxInFlight the largest {@code inFlight} observed
 * @param callsByPrompt prompt → number of {@code 200} answers for it
 * @param requestsByPrompt prompt → number of well-formed requests for it, whatever their outcome
 * @param earlyCalls well-formed requests for a prompt that arrived before the instant its latest
 *     {@code 429} told the client to wait for (the answer's time plus its {@code Retry-After}): a
 *     client that honours {@code Retry-After} sends none
 */
@API(status = INTERNAL, since = "0.1")
public record Stats(
        long received,
        long completed,
        long rejected,
        long errors,
        long hangs,
        long badRequests,
        int inFlight,
        int maxInFlight,
        Map<String, Integer> callsByPrompt,
        Map<String, Integer> requestsByPrompt,
        long earlyCalls) {

    /** Freezes the maps. */
    public Stats {
        callsByPrompt = Map.copyOf(callsByPrompt);
        requestsByPrompt = Map.copyOf(requestsByPrompt);
    }
}
