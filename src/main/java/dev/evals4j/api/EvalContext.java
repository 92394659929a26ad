package dev.evals4j.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What an evaluation method may know about the row it is running, injected when a {@link ForEach}
 * method declares a parameter of this type. One instance belongs to one attempt of one row.
 *
 * <p>Thread-safe: {@link #publish(String, String)} may be called from any thread the attempt uses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface EvalContext {

    /** The row's stable id: its {@code id} column, or its 0-based index. */
    String rowId();

    /** The row's 0-based position in the dataset. */
    long index();

    /** The repetition, 1-based ({@code 1} when rows run once). */
    int repetition();

    /** The attempt, 1-based ({@code 2} and up when the row is being retried). */
    int attempt();

    /**
     * Publishes a key-value pair on the row's test, such as the model output: IDEs and the JUnit
     * console show it as a report entry.
     */
    void publish(String key, String value);

    /**
     * Reports the tokens a call of this attempt used (its prompt and completion tokens, as the
     * provider's {@code usage} says), so that the run is paced by the provider's tokens-per-minute limit
     * as well as by its requests. Call it once per model call; the counts add up. An attempt that reports
     * nothing is estimated from its row's size (its columns' characters / 4), which leaves the completion
     * out: the pacer then measures the token rate in those estimates. The default implementation ignores
     * the count.
     *
     * @param tokens the tokens used, at least 0
     * @throws IllegalArgumentException if {@code tokens} is negative
     */
    default void reportTokens(long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative, was " + tokens);
        }
    }

    /**
     * When the method re-scores an experiment ({@code @ForEach(rescore = ...)}): the output stored for
     * this row and repetition (a {@code String}, or the {@code Map}/{@code List}/number JSON read it
     * as), to be scored instead of calling the model. Empty otherwise.
     */
    default Optional<Object> storedOutput() {
        return Optional.empty();
    }
}
