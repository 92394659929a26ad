package dev.evals4j.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What an eval produced for one row: its output, its named scores and free-form metadata (token
 * counts, model name, ...). A result passes when every score passes; a result without scores
 * passes, as a {@code void} eval that does not throw does. Immutable: the {@code with} methods
 * return copies.
 *
 * @param output what the system under evaluation answered; may be {@code null}
 * @param scores the scores, in the order given; unmodifiable
 * @param metadata extra facts to report and store, in insertion order; unmodifiable, values may be
 *     {@code null}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Result(Object output, List<Score> scores, Map<String, Object> metadata) {

    /** Validates and copies. */
    public Result {
        scores = List.copyOf(scores);
        Map<String, Object> copy = new LinkedHashMap<>();
        metadata.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "metadata key"), value));
        metadata = Collections.unmodifiableMap(copy);
    }

    /** A result with an output and scores, and no metadata. */
    public static Result of(Object output, Score... scores) {
        return new Result(output, Arrays.asList(scores), Map.of());
    }

    /** Whether every score passed; {@code true} when there are none. */
    public boolean passed() {
        return scores.stream().allMatch(Score::passed);
    }

    /** The first score named {@code name}, if any. */
    public Optional<Score> score(String name) {
        return scores.stream().filter(score -> score.name().equals(name)).findFirst();
    }

    /** A copy with one more score, after the others. */
    public Result withScore(Score score) {
        List<Score> more = new ArrayList<>(scores);
        more.add(Objects.requireNonNull(score, "score"));
        return new Result(output, more, metadata);
    }

    /** A copy with {@code key} set to {@code value} (replacing an earlier value of that key). */
    public Result withMetadata(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(metadata);
        more.put(Objects.requireNonNull(key, "key"), value);
        return new Result(output, scores, more);
    }
}
