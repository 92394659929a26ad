package dev.evals4j.sim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replies scripted for the prompts that contain a marker: the first request of a prompt that the
 * request-rate limit admits gets the first reply (a fault or the token limit may still fail it), the
 * next one the second, and so on, the last reply repeating once they run
 * out. Each distinct prompt has its own turn, so concurrent rows do not disturb each other. This is how
 * a test makes the provider act as a judge model that answers a malformed grade before a good one.
 * When several markers occur in a prompt, the first one configured wins.
 *
 * <p>Thread-safe: the turns are counted in a concurrent map of atomic counters.
 */
final class ScriptedReplies {

    private final Map<String, List<String>> scripts;
    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();

    /**
     * Scripts replies.
     *
     * @param scripts marker → the replies in order; each list not empty; iterated in its own order
     */
    ScriptedReplies(Map<String, List<String>> scripts) {
        this.scripts = scripts;
    }

    /** The next scripted reply to {@code prompt}, or empty when it contains no marker. */
    Optional<String> reply(String prompt) {
        for (Map.Entry<String, List<String>> script : scripts.entrySet()) {
            if (prompt.contains(script.getKey())) {
                List<String> replies = script.getValue();
                int turn = turns.computeIfAbsent(prompt, p -> new AtomicInteger()).getAndIncrement();
                return Optional.of(replies.get(Math.min(turn, replies.size() - 1)));
            }
        }
        return Optional.empty();
    }
}
